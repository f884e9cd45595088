<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>PassphraseStrength</name>
    <message>
        <source>Very weak</source>
        <translation>Sehr schwach</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Schwach</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Sehr stark</translation>
    </message>
    <message>
        <source>Very weak: %1 Add a few unrelated words.</source>
        <translation>Sehr schwach: %1 Fügen Sie einige Wörter hinzu, die nichts miteinander zu tun haben.</translation>
    </message>
    <message>
        <source>It is too short to be hard to guess.</source>
        <translation>Sie ist zu kurz, um schwer zu erraten zu sein.</translation>
    </message>
    <message>
        <source>Weak: another word or two would make it much harder to guess.</source>
        <translation>Schwach: Ein oder zwei weitere Wörter machen sie viel schwerer zu erraten.</translation>
    </message>
    <message>
        <source>Weak: %1</source>
        <translation>Schwach: %1</translation>
    </message>
    <message>
        <source>Fair: one more word would make it strong.</source>
        <translation>Mittel: Ein weiteres Wort macht sie stark.</translation>
    </message>
    <message>
        <source>Type a passphrase.</source>
        <translation>Geben Sie eine Passphrase ein.</translation>
    </message>
    <message>
        <source>It rests on “%1”, one of the first words a guesser tries.</source>
        <translation>Sie beruht auf „%1“, einem der ersten Wörter, die ein Angreifer ausprobiert.</translation>
    </message>
    <message>
        <source>It contains “%1”, which you typed above; a guesser tries such names first.</source>
        <translation>Sie enthält „%1“, das Sie oben eingegeben haben; solche Namen probiert ein Angreifer zuerst.</translation>
    </message>
    <message>
        <source>It repeats characters or pieces; repeats add almost nothing.</source>
        <translation>Sie wiederholt Zeichen oder Teile; Wiederholungen machen sie kaum stärker.</translation>
    </message>
    <message>
        <source>It runs along the alphabet or the digits, as in “abc” or “123”.</source>
        <translation>Sie folgt dem Alphabet oder den Ziffern, wie in „abc“ oder „123“.</translation>
    </message>
    <message>
        <source>A year is among the first things a guesser tries.</source>
        <translation>Eine Jahreszahl gehört zum Ersten, was ein Angreifer ausprobiert.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Electronic lab notebook</source>
        <translation>Elektronisches Laborbuch</translation>
    </message>
    <message>
        <source>Open the notebook in &lt;folder&gt; (default: the one opened last, or %1).</source>
        <translation>Das Laborbuch in &lt;Ordner&gt; öffnen (Standard: das zuletzt geöffnete, sonst %1).</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
</context>
<context>
    <name>pdf</name>
    <message>
        <source>no time-stamp authority is set</source>
        <translation>es ist keine Zeitstempel-Autorität eingestellt</translation>
    </message>
</context>
<context>
    <name>quire</name>
    <message>
        <source>the manifest is not valid JSON: %1</source>
        <translation>das Manifest ist kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>the manifest is not canonical JSON</source>
        <translation>das Manifest ist kein kanonisches JSON</translation>
    </message>
    <message>
        <source>the manifest is not a Quire PDF export manifest</source>
        <translation>das Manifest ist kein Manifest eines Quire-PDF-Exports</translation>
    </message>
    <message>
        <source>the PDF comes from another notebook (%1)</source>
        <translation>das PDF stammt aus einem anderen Notizbuch (%1)</translation>
    </message>
    <message>
        <source>the PDF names another genesis record than this notebook&apos;s</source>
        <translation>das PDF nennt einen anderen Gründungsdatensatz als den dieses Notizbuchs</translation>
    </message>
    <message>
        <source>the embedded notebook-ca.pem is not this notebook&apos;s certificate authority</source>
        <translation>die eingebettete notebook-ca.pem ist nicht die Zertifizierungsstelle dieses Notizbuchs</translation>
    </message>
    <message>
        <source>record %1 is listed but not embedded</source>
        <translation>Datensatz %1 ist aufgeführt, aber nicht eingebettet</translation>
    </message>
    <message>
        <source>record %1 is not valid JSON</source>
        <translation>Datensatz %1 ist kein gültiges JSON</translation>
    </message>
    <message>
        <source>record %1: its content does not hash to its id (changed)</source>
        <translation>Datensatz %1: sein Inhalt ergibt nicht seinen Hashwert (verändert)</translation>
    </message>
    <message>
        <source>record %1 is not in this copy of the notebook (sync, or the PDF was made up)</source>
        <translation>Datensatz %1 ist nicht in dieser Kopie des Notizbuchs (synchronisieren Sie, oder das PDF ist erfunden)</translation>
    </message>
    <message>
        <source>record %1 differs from this copy of the notebook</source>
        <translation>Datensatz %1 weicht von dieser Kopie des Notizbuchs ab</translation>
    </message>
    <message>
        <source>signature-%1.der is missing or is not the record&apos;s CMS</source>
        <translation>signature-%1.der fehlt oder ist nicht das CMS des Datensatzes</translation>
    </message>
    <message>
        <source>signature %1: %2</source>
        <translation>Signatur %1: %2</translation>
    </message>
    <message>
        <source>signature %1 does not verify: %2</source>
        <translation>Signatur %1 lässt sich nicht prüfen: %2</translation>
    </message>
    <message>
        <source>%1 is embedded but not in the manifest</source>
        <translation>%1 ist eingebettet, aber nicht im Manifest</translation>
    </message>
    <message>
        <source>the manifest&apos;s entry %1 does not name its entry record</source>
        <translation>der Eintrag %1 des Manifests nennt seinen Eintragsdatensatz nicht</translation>
    </message>
    <message>
        <source>%1 is not a Merkle path of record %2</source>
        <translation>%1 ist kein Merkle-Pfad von Datensatz %2</translation>
    </message>
    <message>
        <source>the Merkle path of record %1 does not lead to its root</source>
        <translation>der Merkle-Pfad von Datensatz %1 führt nicht zu seiner Wurzel</translation>
    </message>
    <message>
        <source>no embedded anchor has the root of record %1&apos;s path</source>
        <translation>kein eingebetteter Anker hat die Wurzel des Pfads von Datensatz %1</translation>
    </message>
    <message>
        <source>timestamp-%1.tsr is missing or is not the anchor&apos;s token</source>
        <translation>timestamp-%1.tsr fehlt oder ist nicht das Token des Ankers</translation>
    </message>
    <message>
        <source>the time-stamp of anchor %1 does not verify: %2</source>
        <translation>der Zeitstempel von Anker %1 lässt sich nicht prüfen: %2</translation>
    </message>
    <message>
        <source>the manifest is not JSON: %1</source>
        <translation>das Manifest ist kein JSON: %1</translation>
    </message>
    <message>
        <source>it is not canonical JSON</source>
        <translation>es ist kein kanonisches JSON</translation>
    </message>
    <message>
        <source>it is not the manifest of a Quire .eln export (quire/1)</source>
        <translation>es ist nicht das Manifest eines .eln-Exports von Quire (quire/1)</translation>
    </message>
    <message>
        <source>listed in the manifest but missing</source>
        <translation>im Manifest aufgeführt, aber nicht vorhanden</translation>
    </message>
    <message>
        <source>changed: its SHA-256 is not the one the manifest lists</source>
        <translation>verändert: sein SHA-256 ist nicht der im Manifest aufgeführte</translation>
    </message>
    <message>
        <source>not listed in the manifest</source>
        <translation>nicht im Manifest aufgeführt</translation>
    </message>
    <message>
        <source>notebook-ca.pem does not hold exactly one certificate</source>
        <translation>notebook-ca.pem enthält nicht genau ein Zertifikat</translation>
    </message>
    <message>
        <source>notebook-ca.pem is not a certificate authority</source>
        <translation>notebook-ca.pem ist keine Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>the genesis record the manifest names is not in the crate</source>
        <translation>der im Manifest genannte Gründungsdatensatz fehlt im Paket</translation>
    </message>
    <message>
        <source>notebook-ca.pem is not the certificate authority the genesis record names</source>
        <translation>notebook-ca.pem ist nicht die Zertifizierungsstelle, die der Gründungsdatensatz nennt</translation>
    </message>
    <message>
        <source>the genesis record is of another notebook than the manifest says</source>
        <translation>der Gründungsdatensatz gehört zu einem anderen Notizbuch als im Manifest angegeben</translation>
    </message>
    <message>
        <source>the certificate authority is not self-signed: %1</source>
        <translation>die Zertifizierungsstelle ist nicht selbstsigniert: %1</translation>
    </message>
    <message>
        <source>%1, SHA-256 %2 (the crate&apos;s own; trusted by nothing else)</source>
        <translation>%1, SHA-256 %2 (die des Pakets selbst; von nichts anderem beglaubigt)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>not a JSON record envelope</source>
        <translation>kein JSON-Datensatzumschlag</translation>
    </message>
    <message>
        <source>its content does not hash to its id (changed)</source>
        <translation>sein Inhalt ergibt nicht seine ID (verändert)</translation>
    </message>
    <message>
        <source>sealed by a certificate that no member record in the crate holds</source>
        <translation>versiegelt mit einem Zertifikat, das kein Mitgliedsdatensatz im Paket enthält</translation>
    </message>
    <message>
        <source>its sealing certificate was not issued by the crate&apos;s CA</source>
        <translation>sein Siegelzertifikat wurde nicht von der Zertifizierungsstelle des Pakets ausgestellt</translation>
    </message>
    <message>
        <source>sealed by another member than its author</source>
        <translation>von einem anderen Mitglied als seinem Autor versiegelt</translation>
    </message>
    <message>
        <source>its seal does not verify</source>
        <translation>sein Siegel ist nicht gültig</translation>
    </message>
    <message>
        <source>in the crate but not listed in the manifest</source>
        <translation>im Paket, aber nicht im Manifest aufgeführt</translation>
    </message>
    <message>
        <source>its record does not hold (see the record)</source>
        <translation>sein Datensatz ist nicht gültig (siehe den Datensatz)</translation>
    </message>
    <message>
        <source>%1 is missing or is not the record&apos;s CMS</source>
        <translation>%1 fehlt oder ist nicht das CMS des Datensatzes</translation>
    </message>
    <message>
        <source>there is no certificate authority to check it against</source>
        <translation>es gibt keine Zertifizierungsstelle, gegen die sie geprüft werden kann</translation>
    </message>
    <message>
        <source>it does not verify: %1</source>
        <translation>sie ist nicht gültig: %1</translation>
    </message>
    <message>
        <source>it is signed with another certificate than the one that seals its record</source>
        <translation>sie ist mit einem anderen Zertifikat signiert als dem, das ihren Datensatz versiegelt</translation>
    </message>
    <message>
        <source>%1 (%2) on %3</source>
        <translation>%1 (%2) am %3</translation>
    </message>
    <message>
        <source>its anchor record does not hold (see the record)</source>
        <translation>sein Ankerdatensatz ist nicht gültig (siehe den Datensatz)</translation>
    </message>
    <message>
        <source>%1 is missing or is not the anchor&apos;s token</source>
        <translation>%1 fehlt oder ist nicht das Token des Ankers</translation>
    </message>
    <message>
        <source>the crate holds no time-stamp authority certificate (tsa-ca.pem) to check it against</source>
        <translation>das Paket enthält kein Zertifikat eines Zeitstempeldienstes (tsa-ca.pem), gegen das es geprüft werden kann</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <source>no anchor record in the crate has this token</source>
        <translation>kein Ankerdatensatz im Paket hat dieses Token</translation>
    </message>
    <message>
        <source>it is not a Merkle path of record %1</source>
        <translation>es ist kein Merkle-Pfad des Datensatzes %1</translation>
    </message>
    <message>
        <source>the path does not lead from the record to its root</source>
        <translation>der Pfad führt nicht vom Datensatz zu seiner Wurzel</translation>
    </message>
    <message>
        <source>no anchor in the crate has the root this path leads to</source>
        <translation>kein Anker im Paket hat die Wurzel, zu der dieser Pfad führt</translation>
    </message>
    <message>
        <source>the anchor does not name the record</source>
        <translation>der Anker nennt den Datensatz nicht</translation>
    </message>
    <message>
        <source>the record is not in the crate</source>
        <translation>der Datensatz ist nicht im Paket</translation>
    </message>
    <message>
        <source>experiment %1 does not name its record</source>
        <translation>Experiment %1 nennt seinen Datensatz nicht</translation>
    </message>
    <message>
        <source>entry %1 does not name its record</source>
        <translation>Eintrag %1 nennt seinen Datensatz nicht</translation>
    </message>
    <message>
        <source>the export was cancelled; no file was written</source>
        <translation>der Export wurde abgebrochen; es wurde keine Datei geschrieben</translation>
    </message>
    <message>
        <source>the anchor %1 does not have the root of its leaves</source>
        <translation>der Anker %1 hat nicht die Wurzel seiner Blätter</translation>
    </message>
    <message>
        <source>the anchor %1 does not name record %2</source>
        <translation>der Anker %1 nennt den Datensatz %2 nicht</translation>
    </message>
</context>
<context>
    <name>quire::CaptureService</name>
    <message>
        <source>it was still changing; it is left for the next pass</source>
        <translation>sie änderte sich noch; sie bleibt für den nächsten Durchgang liegen</translation>
    </message>
</context>
<context>
    <name>quire::ElnExport</name>
    <message>
        <source>the export was cancelled; no file was written</source>
        <translation>der Export wurde abgebrochen; es wurde keine Datei geschrieben</translation>
    </message>
    <message>
        <source>no file to write the export to was given</source>
        <translation>es wurde keine Datei für den Export angegeben</translation>
    </message>
    <message>
        <source>there is no experiment %1 in this notebook</source>
        <translation>in diesem Notizbuch gibt es kein Experiment %1</translation>
    </message>
    <message>
        <source>the notebook has no experiments to export</source>
        <translation>das Notizbuch hat keine Experimente zum Exportieren</translation>
    </message>
    <message>
        <source>choose at least one experiment to export</source>
        <translation>wählen Sie mindestens ein Experiment zum Exportieren</translation>
    </message>
    <message>
        <source>the entry %1 has no versions</source>
        <translation>der Eintrag %1 hat keine Versionen</translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>could not put the export in place at %1: %2 (the audit trail records the attempt)</source>
        <translation>der Export konnte nicht unter %1 abgelegt werden: %2 (der Prüfpfad verzeichnet den Versuch)</translation>
    </message>
</context>
<context>
    <name>quire::ElnImport</name>
    <message>
        <source>could not unpack the archive into %1: %2</source>
        <translation>das Archiv konnte nicht nach %1 entpackt werden: %2</translation>
    </message>
    <message>
        <source>could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>could not make a folder to unpack the archive in: %1</source>
        <translation>es konnte kein Ordner zum Entpacken des Archivs angelegt werden: %1</translation>
    </message>
    <message>
        <source>Reading the archive</source>
        <translation>Archiv wird gelesen</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 wurde nicht importiert: %2</translation>
    </message>
    <message>
        <source>only members with the author role can import</source>
        <translation>nur Mitglieder mit der Rolle Autor können importieren</translation>
    </message>
    <message>
        <source>Storing the files</source>
        <translation>Dateien werden gespeichert</translation>
    </message>
    <message>
        <source>the import was cancelled</source>
        <translation>der Import wurde abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>the import was stopped after %n files, as the test asked</source>
        <translation>
            <numerusform>der Import wurde wie vom Test verlangt nach %n Datei angehalten</numerusform>
            <numerusform>der Import wurde wie vom Test verlangt nach %n Dateien angehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the notebook</source>
        <translation>Laborbuch wird geschrieben</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Ohne Titel</translation>
    </message>
    <message>
        <source>%1 was not imported, and the notebook is as it was: %2</source>
        <translation>%1 wurde nicht importiert, und das Laborbuch ist unverändert: %2</translation>
    </message>
    <message>
        <source> from %1</source>
        <translation> aus %1</translation>
    </message>
    <message>
        <source>crate: %1</source>
        <translation>Crate: %1</translation>
    </message>
    <message>
        <source>file:  %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>Notes on the crate:</source>
        <translation>Hinweise zum Crate:</translation>
    </message>
    <message>
        <source>the metadata names the file “%1”, but the archive does not hold it</source>
        <translation>die Metadaten nennen die Datei „%1“, aber das Archiv enthält sie nicht</translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>Importiert aus %1</translation>
    </message>
    <message>
        <source>Imported from %1 (%2)</source>
        <translation>Importiert aus %1 (%2)</translation>
    </message>
    <message>
        <source>created %1 by %2</source>
        <translation>erstellt am %1 von %2</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>erstellt am %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>last changed %1</source>
        <translation>zuletzt geändert am %1</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Other name</source>
        <translation>Anderer Name</translation>
    </message>
    <message>
        <source>Address in %1</source>
        <translation>Adresse in %1</translation>
    </message>
    <message>
        <source>the other ELN</source>
        <translation>dem anderen ELN</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>on the web, not in the archive</source>
        <translation>im Web, nicht im Archiv</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Verknüpfungen</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>“%1” is not part of the crate&apos;s root dataset (no hasPart leads to it): not imported</source>
        <translation>„%1“ gehört nicht zum Wurzel-Datensatz des Crates (kein hasPart führt dorthin): nicht importiert</translation>
    </message>
    <message>
        <source>“%1” is listed as a part but is a %2, neither a dataset nor a file: not imported</source>
        <translation>„%1“ ist als Teil aufgeführt, ist aber ein %2, weder Datensatz noch Datei: nicht importiert</translation>
    </message>
    <message>
        <source>the crate lists “%1” as a part but does not describe it: not imported</source>
        <translation>das Crate führt „%1“ als Teil auf, beschreibt es aber nicht: nicht importiert</translation>
    </message>
    <message>
        <source>“%1” is in the archive but the metadata does not describe it: not imported</source>
        <translation>„%1“ ist im Archiv, aber die Metadaten beschreiben es nicht: nicht importiert</translation>
    </message>
    <message>
        <source>“%1” lies outside the crate&apos;s folder: not imported</source>
        <translation>„%1“ liegt außerhalb des Crate-Ordners: nicht importiert</translation>
    </message>
    <message>
        <source>the property “%1” (%2 items, e.g. “%3”) has no place in the notebook: not imported (it stays in the attached ro-crate-metadata.json)</source>
        <translation>die Eigenschaft „%1“ (%2 Objekte, z. B. „%3“) hat im Laborbuch keinen Platz: nicht importiert (sie bleibt in der angehängten ro-crate-metadata.json erhalten)</translation>
    </message>
    <message>
        <source>Imported %1%2 — experiments: %3, entries: %4, files: %5 (%6 MB)</source>
        <translation>%1%2 importiert — Experimente: %3, Einträge: %4, Dateien: %5 (%6 MB)</translation>
    </message>
    <message>
        <source>Files that do not match the SHA-256 the crate gives (kept, and marked): %1</source>
        <translation>Dateien, die nicht mit dem SHA-256 des Crates übereinstimmen (behalten und markiert): %1</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <source>%1 is too large for a Quire proof file (%2 bytes); not checked</source>
        <translation>%1 ist zu groß für eine Quire-Nachweisdatei (%2 Bytes); nicht geprüft</translation>
    </message>
    <message>
        <source>could not read %1 back from the staging folder</source>
        <translation>%1 konnte nicht aus dem Zwischenordner zurückgelesen werden</translation>
    </message>
    <message>
        <source>verified: %1 %2 (%3)</source>
        <translation>geprüft: %1 %2 (%3)</translation>
    </message>
    <message>
        <source>FAILED: %1 %2: %3</source>
        <translation>FEHLGESCHLAGEN: %1 %2: %3</translation>
    </message>
    <message>
        <source>Quire&apos;s proof in the crate verifies: %1 items checked against the notebook CA &quot;%2&quot; (SHA-256 %3).</source>
        <translation>Der Quire-Nachweis im Paket ist gültig: %1 Elemente gegen die Zertifizierungsstelle des Laborbuchs „%2“ geprüft (SHA-256 %3).</translation>
    </message>
    <message>
        <source>Quire&apos;s proof in the crate does NOT verify: %1 of %4 items failed against the notebook CA &quot;%2&quot; (SHA-256 %3).</source>
        <translation>Der Quire-Nachweis im Paket ist NICHT gültig: %1 von %4 Elementen bestehen die Prüfung gegen die Zertifizierungsstelle des Laborbuchs „%2“ nicht (SHA-256 %3).</translation>
    </message>
    <message>
        <source>Quire proof checked on import: the sealed record %1 of this entry verifies against the notebook CA &quot;%2&quot;.</source>
        <translation>Quire-Nachweis beim Import geprüft: Der versiegelte Datensatz %1 dieses Eintrags ist gegen die Zertifizierungsstelle des Laborbuchs „%2“ gültig.</translation>
    </message>
    <message>
        <source>Quire proof checked on import: the sealed record %1 of this entry does NOT verify.</source>
        <translation>Quire-Nachweis beim Import geprüft: Der versiegelte Datensatz %1 dieses Eintrags ist NICHT gültig.</translation>
    </message>
    <message>
        <source>The crate has a quire/ folder without a manifest: its files were imported as they are, and not checked.</source>
        <translation>Das Paket hat einen Ordner quire/ ohne Manifest: Seine Dateien wurden unverändert importiert und nicht geprüft.</translation>
    </message>
</context>
<context>
    <name>quire::ExportHtml</name>
    <message>
        <source>Notebook</source>
        <translation>Notizbuch</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Exported by</source>
        <translation>Exportiert von</translation>
    </message>
    <message>
        <source>Exported at</source>
        <translation>Exportiert am</translation>
    </message>
    <message>
        <source>(%1 UTC)</source>
        <translation>(%1 UTC)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>1 entry shown</source>
        <translation>1 Eintrag gezeigt</translation>
    </message>
    <message>
        <source>%1 entries shown</source>
        <translation>%1 Einträge gezeigt</translation>
    </message>
    <message>
        <source>Laboratory notebook — experiment record</source>
        <translation>Laborjournal — Aufzeichnung eines Experiments</translation>
    </message>
    <message>
        <source>Every entry is shown as its latest version; each carries its own sealed record inside this file. The last page says how to check it.</source>
        <translation>Jeder Eintrag wird in seiner neuesten Version gezeigt; jeder trägt seinen eigenen versiegelten Datensatz in dieser Datei. Die letzte Seite sagt, wie man ihn prüft.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>version %1 of %2</source>
        <translation>Version %1 von %2</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Aufgezeichnet</translation>
    </message>
    <message>
        <source>Trusted time</source>
        <translation>Vertrauenswürdige Zeit</translation>
    </message>
    <message>
        <source>time not yet attested</source>
        <translation>Zeit noch nicht bestätigt</translation>
    </message>
    <message>
        <source>%1, attested by %2</source>
        <translation>%1, bestätigt von %2</translation>
    </message>
    <message>
        <source>Amended</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>reason for version %1: %2</source>
        <translation>Begründung für Version %1: %2</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>No reason was recorded.</source>
        <translation>Es wurde keine Begründung aufgezeichnet.</translation>
    </message>
    <message>
        <source>Voided: %1</source>
        <translation>Ungültig gemacht: %1</translation>
    </message>
    <message>
        <source>Changed after signing: an earlier version of this entry was signed; its signatures stay with that version.</source>
        <translation>Nach dem Signieren geändert: eine frühere Version dieses Eintrags wurde signiert; ihre Signaturen bleiben bei jener Version.</translation>
    </message>
    <message>
        <source>time attested %1</source>
        <translation>Zeit bestätigt am %1</translation>
    </message>
    <message>
        <source>NOT VALID: %1</source>
        <translation>NICHT GÜLTIG: %1</translation>
    </message>
    <message>
        <source>This version carries no electronic signature.</source>
        <translation>Diese Version trägt keine elektronische Signatur.</translation>
    </message>
    <message>
        <source>Electronic signatures (21 CFR 11.50)</source>
        <translation>Elektronische Signaturen (21 CFR 11.50)</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Angehängte Dateien</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source># list and extract the embedded files (qpdf 10.6 or later)
qpdf --list-attachments export.pdf
mkdir evidence &amp;&amp; cd evidence
for f in $(qpdf --list-attachments ../export.pdf | sed &apos;s/ -&gt;.*//&apos;); do
  qpdf --show-attachment=&quot;$f&quot; ../export.pdf &gt; &quot;$f&quot;; done

# a record&apos;s id is the SHA-256 of its canonical bytes
python3 -c &apos;import json,sys,hashlib; e=json.load(open(sys.argv[1]));   print(hashlib.sha256(json.dumps(e[&quot;record&quot;],separators=(&quot;,&quot;,&quot;:&quot;),sort_keys=True,   ensure_ascii=False).encode()).hexdigest())&apos; record-ID.json

# an electronic signature over its statement (FORMAT.md §3)
openssl cms -verify -binary -inform DER -in signature-ID.der   -content statement.json -CAfile notebook-ca.pem -purpose any

# a trusted time-stamp over a Merkle root (FORMAT.md §4)
openssl ts -verify -token_in -in timestamp-ANCHOR.tsr -digest ROOT -CAfile tsa-ca.pem

# the PDF signatures themselves
pdfsig export.pdf</source>
        <translation># die eingebetteten Dateien auflisten und auspacken (qpdf 10.6 oder neuer)
qpdf --list-attachments export.pdf
mkdir evidence &amp;&amp; cd evidence
for f in $(qpdf --list-attachments ../export.pdf | sed &apos;s/ -&gt;.*//&apos;); do
  qpdf --show-attachment=&quot;$f&quot; ../export.pdf &gt; &quot;$f&quot;; done

# die ID eines Datensatzes ist der SHA-256 seiner kanonischen Bytes
python3 -c &apos;import json,sys,hashlib; e=json.load(open(sys.argv[1]));   print(hashlib.sha256(json.dumps(e[&quot;record&quot;],separators=(&quot;,&quot;,&quot;:&quot;),sort_keys=True,   ensure_ascii=False).encode()).hexdigest())&apos; record-ID.json

# eine elektronische Signatur über ihre Erklärung (FORMAT.md §3)
openssl cms -verify -binary -inform DER -in signature-ID.der   -content statement.json -CAfile notebook-ca.pem -purpose any

# ein vertrauenswürdiger Zeitstempel über eine Merkle-Wurzel (FORMAT.md §4)
openssl ts -verify -token_in -in timestamp-ANCHOR.tsr -digest ROOT -CAfile tsa-ca.pem

# die PDF-Signaturen selbst
pdfsig export.pdf</translation>
    </message>
    <message>
        <source>How to verify this file</source>
        <translation>So prüfen Sie diese Datei</translation>
    </message>
    <message>
        <source>This PDF is an archival file (PDF/A-3) that carries its own proof. Besides the pages, it holds these embedded files:</source>
        <translation>Dieses PDF ist eine Archivdatei (PDF/A-3), die ihren eigenen Nachweis trägt. Neben den Seiten enthält es diese eingebetteten Dateien:</translation>
    </message>
    <message>
        <source>which record each entry shown comes from (export %1)</source>
        <translation>aus welchem Datensatz jeder gezeigte Eintrag stammt (Export %1)</translation>
    </message>
    <message>
        <source>every record shown, sealed by its author, as canonical JSON</source>
        <translation>jeder gezeigte Datensatz, von seinem Autor versiegelt, als kanonisches JSON</translation>
    </message>
    <message>
        <source>each electronic signature (CMS) over its statement</source>
        <translation>jede elektronische Signatur (CMS) über ihre Erklärung</translation>
    </message>
    <message>
        <source>the Merkle path from a record to a time-stamped root</source>
        <translation>der Merkle-Pfad von einem Datensatz zu einer mit Zeitstempel versehenen Wurzel</translation>
    </message>
    <message>
        <source>the time-stamp authority&apos;s token over that root</source>
        <translation>das Token der Zeitstempel-Autorität über diese Wurzel</translation>
    </message>
    <message>
        <source>the notebook&apos;s certificate authority, which issued every member&apos;s certificate</source>
        <translation>die Zertifizierungsstelle des Notizbuchs, die das Zertifikat jedes Mitglieds ausgestellt hat</translation>
    </message>
    <message>
        <source>The PDF signatures (PAdES), drawn at the foot of the last page, cover the whole file as it was signed; later additions are only further signatures and time-stamps. With Quire: quire-cli pdf verify export.pdf. Without it:</source>
        <translation>Die PDF-Signaturen (PAdES), unten auf der letzten Seite gezeichnet, decken die ganze Datei ab, wie sie signiert wurde; spätere Zusätze sind nur weitere Signaturen und Zeitstempel. Mit Quire: quire-cli pdf verify export.pdf. Ohne Quire:</translation>
    </message>
    <message>
        <source>A statement is the canonical JSON {&quot;format&quot;,&quot;meaning&quot;,&quot;printed_name&quot;,&quot;signed_at&quot;,&quot;signer&quot;,&quot;target&quot;} taken from the signature record.</source>
        <translation>Eine Erklärung ist das kanonische JSON {&quot;format&quot;,&quot;meaning&quot;,&quot;printed_name&quot;,&quot;signed_at&quot;,&quot;signer&quot;,&quot;target&quot;} aus dem Signaturdatensatz.</translation>
    </message>
    <message>
        <source>Signatures of this PDF (PAdES) appear below, each with the signer&apos;s printed name, the meaning of the signature and the date and time with zone.</source>
        <translation>Die Signaturen dieses PDFs (PAdES) stehen unten, jede mit dem Namen des Unterzeichners in Druckschrift, der Bedeutung der Signatur und Datum und Uhrzeit mit Zeitzone.</translation>
    </message>
    <message>
        <source>on version %1</source>
        <translation>zu Version %1</translation>
    </message>
    <message>
        <source>changes requested</source>
        <translation>Änderungen erbeten</translation>
    </message>
    <message>
        <source>changes requested (answered)</source>
        <translation>Änderungen erbeten (beantwortet)</translation>
    </message>
    <message>
        <source>corrects an earlier comment</source>
        <translation>berichtigt einen früheren Kommentar</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
</context>
<context>
    <name>quire::Notebook</name>
    <message>
        <source>the experiment needs a title</source>
        <translation>das Experiment braucht einen Titel</translation>
    </message>
    <message>
        <source>only members with the author role can create experiments</source>
        <translation>nur Mitglieder mit der Rolle Autor können Experimente anlegen</translation>
    </message>
    <message>
        <source>only members with the author role can write entries</source>
        <translation>nur Mitglieder mit der Rolle Autor können Einträge schreiben</translation>
    </message>
    <message>
        <source>the experiment “%1” is closed</source>
        <translation>das Experiment „%1“ ist abgeschlossen</translation>
    </message>
    <message>
        <source>every entry needs a title</source>
        <translation>jeder Eintrag braucht einen Titel</translation>
    </message>
    <message>
        <source>the entry needs a title</source>
        <translation>der Eintrag braucht einen Titel</translation>
    </message>
    <message>
        <source>there is no entry %1</source>
        <translation>es gibt keinen Eintrag %1</translation>
    </message>
    <message>
        <source>only the entry&apos;s author can change it; others can comment</source>
        <translation>nur der Autor des Eintrags kann ihn ändern; andere können ihn kommentieren</translation>
    </message>
    <message>
        <source>the entry “%1” was voided and cannot be changed</source>
        <translation>der Eintrag „%1“ wurde ungültig gemacht und kann nicht mehr geändert werden</translation>
    </message>
    <message>
        <source>the entry “%1” is signed; a change is an amendment and needs a reason, and the signature stays with the version it signed</source>
        <translation>der Eintrag „%1“ ist signiert; jede Änderung gilt als Änderung nach Signatur und braucht eine Begründung, und die Signatur bleibt bei der signierten Version</translation>
    </message>
    <message>
        <source>a reason is needed to change an entry</source>
        <translation>für die Änderung eines Eintrags ist eine Begründung nötig</translation>
    </message>
    <message>
        <source>nothing changed, so no new version was saved</source>
        <translation>es hat sich nichts geändert, daher wurde keine neue Version gespeichert</translation>
    </message>
    <message>
        <source>(missing attachment)</source>
        <translation>(fehlender Anhang)</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 ist keine Datei</translation>
    </message>
    <message>
        <source>attached “%1”</source>
        <translation>„%1“ angehängt</translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>“%1” is too large to show here</source>
        <translation>„%1“ ist zu groß, um hier angezeigt zu werden</translation>
    </message>
    <message>
        <source>notebook unlocked</source>
        <translation>Laborbuch entsperrt</translation>
    </message>
    <message>
        <source>passphrase changed</source>
        <translation>Passphrase geändert</translation>
    </message>
    <message>
        <source>the computer&apos;s clock went back from %1 to %2</source>
        <translation>die Uhr des Computers ist von %1 auf %2 zurückgesprungen</translation>
    </message>
    <message>
        <source>signing as %1 failed: %2</source>
        <translation>Signieren mit der Bedeutung „%1“ fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>settings changed: %1</source>
        <translation>Einstellungen geändert: %1</translation>
    </message>
    <message>
        <source>exported: %1</source>
        <translation>exportiert: %1</translation>
    </message>
    <message>
        <source>notebook “%1” created</source>
        <translation>Laborbuch „%1“ angelegt</translation>
    </message>
    <message>
        <source>signature: %1 on record %2</source>
        <translation>Signatur: %1 für Aufzeichnung %2</translation>
    </message>
    <message>
        <source>file “%1” stored (%2 bytes)</source>
        <translation>Datei „%1“ gespeichert (%2 Bytes)</translation>
    </message>
    <message>
        <source>%1 “%2” created</source>
        <translation>%1 „%2“ angelegt</translation>
    </message>
    <message>
        <source>%1 “%2” version %3 %4: %5</source>
        <translation>%1 „%2“ Version %3 %4: %5</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>ungültig gemacht</translation>
    </message>
    <message>
        <source>amended</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>Authored</source>
        <translation>Verfasst</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Witnessed</source>
        <translation>Bezeugt</translation>
    </message>
    <message>
        <source>%1 — %2 — %3 %4</source>
        <extracomment>printed name — meaning — date and time with zone (21 CFR 11.50)</extracomment>
        <translation>%1 — %2 — %3 %4</translation>
    </message>
    <message>
        <source>the passphrase is wrong; nothing was signed, and the failed attempt was recorded</source>
        <translation>die Passphrase ist falsch; es wurde nichts signiert, und der Fehlversuch wurde aufgezeichnet</translation>
    </message>
    <message>
        <source>could not create the folder %1</source>
        <translation>der Ordner %1 konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Evidence of an electronic signature in the Quire notebook “%1”

%2
signed record: %3 (entry %4, version %5)

Check it with the openssl command line alone:

  openssl cms -verify -binary -inform DER -in signature.der -content statement.json -CAfile ca.pem -purpose any -certfile signer.pem -nointern -out /dev/null
</source>
        <translation>Nachweis einer elektronischen Signatur im Quire-Laborbuch „%1“

%2
signierte Aufzeichnung: %3 (Eintrag %4, Version %5)

Prüfen Sie ihn allein mit der openssl-Befehlszeile:

  openssl cms -verify -binary -inform DER -in signature.der -content statement.json -CAfile ca.pem -purpose any -certfile signer.pem -nointern -out /dev/null
</translation>
    </message>
    <message>
        <source>  openssl ts -verify -digest &lt;root from merkle-path.json&gt; -in timestamp.tsr -token_in -CAfile tsa-ca.pem

The root is reached from SHA-256(record.json) by the Merkle path (RFC 6962: leaf = SHA-256(0x00 ‖ id), node = SHA-256(0x01 ‖ left ‖ right)).
</source>
        <translation>  openssl ts -verify -digest &lt;Wurzel aus merkle-path.json&gt; -in timestamp.tsr -token_in -CAfile tsa-ca.pem

Die Wurzel ergibt sich aus SHA-256(record.json) über den Merkle-Pfad (RFC 6962: Blatt = SHA-256(0x00 ‖ id), Knoten = SHA-256(0x01 ‖ links ‖ rechts)).
</translation>
    </message>
    <message>
        <source>
The time-stamp was renewed before its authority&apos;s certificate ended (renewals: %1): anchor-1.json is the anchor record that carries timestamp.tsr; its SHA-256 leads by renewal-1-path.json to the root of renewal-1.tsr, and so on. Check each token with -attime &lt;its own time&gt; and an older one also with -attime &lt;the time of the token that renews it&gt;.
</source>
        <translation>
Der Zeitstempel wurde erneuert, bevor das Zertifikat seines Zeitstempeldienstes ablief (Erneuerungen: %1): anchor-1.json ist der Anker-Datensatz, der timestamp.tsr enthält; sein SHA-256 führt über renewal-1-path.json zur Wurzel von renewal-1.tsr, und so weiter. Prüfen Sie jedes Token mit -attime &lt;seine eigene Zeit&gt; und ein älteres zusätzlich mit -attime &lt;die Zeit des Tokens, das es erneuert&gt;.
</translation>
    </message>
    <message>
        <source>no PEM certificate was given for the time-stamp authority %1</source>
        <translation>für den Zeitstempeldienst %1 wurde kein PEM-Zertifikat angegeben</translation>
    </message>
    <message>
        <source>%1 is not a time-stamp authority of this computer</source>
        <translation>%1 ist kein Zeitstempeldienst dieses Computers</translation>
    </message>
    <message>
        <source>%1 is not a time-stamp authority of this notebook</source>
        <translation>%1 ist kein Zeitstempeldienst dieses Laborbuchs</translation>
    </message>
    <message>
        <source>
verify.sh runs every check (bash and openssl only).
</source>
        <translation>
verify.sh führt alle Prüfungen aus (nur mit bash und openssl).
</translation>
    </message>
    <message>
        <source>the join request cannot be used: %1</source>
        <translation>die Beitrittsanfrage kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>there is no preview for “%1”</source>
        <translation>für „%1“ gibt es keine Vorschau</translation>
    </message>
    <message>
        <source>member “%1” added (%2)</source>
        <translation>Mitglied „%1“ hinzugefügt (%2)</translation>
    </message>
    <message>
        <source>membership of “%1” revoked: %2</source>
        <translation>Zugang für „%1“ entzogen: %2</translation>
    </message>
    <message>
        <source>member “%1” changed (%2)</source>
        <translation>Mitglied „%1“ geändert (%2)</translation>
    </message>
    <message>
        <source>PDF exported (SHA-256 %1)</source>
        <translation>PDF exportiert (SHA-256 %1)</translation>
    </message>
    <message>
        <source>PDF signed as %1</source>
        <translation>PDF signiert mit der Bedeutung „%1“</translation>
    </message>
    <message>
        <source>PDF time-stamped</source>
        <translation>PDF mit Zeitstempel versehen</translation>
    </message>
    <message>
        <source> (SHA-256 %1)</source>
        <translation> (SHA-256 %1)</translation>
    </message>
    <message>
        <source>“%1” is too large to read here (%2 MiB; at most %3 MiB)</source>
        <translation>„%1“ ist zu groß, um hier gelesen zu werden (%2 MiB; höchstens %3 MiB)</translation>
    </message>
    <message>
        <source>the instrument was not added: %1</source>
        <translation>das Gerät wurde nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>the instrument “%1” is retired already</source>
        <translation>das Gerät „%1“ ist bereits außer Betrieb</translation>
    </message>
    <message>
        <source>the instrument was not retired: %1</source>
        <translation>das Gerät wurde nicht außer Betrieb genommen: %1</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <source>the settle time must be 0 s or more and the poll time 1 s or more</source>
        <translation>die Ruhezeit muss mindestens 0 s und das Abfrageintervall mindestens 1 s betragen</translation>
    </message>
    <message>
        <source>the instrument “%1” is retired; its files are not captured</source>
        <translation>das Gerät „%1“ ist außer Betrieb; seine Dateien werden nicht übernommen</translation>
    </message>
    <message>
        <source>only members with the author role capture instrument files</source>
        <translation>nur Mitglieder mit der Rolle Autor übernehmen Gerätedateien</translation>
    </message>
    <message>
        <source>not a file Quire can read: %1 is neither JCAMP-DX nor delimited text</source>
        <translation>keine Datei, die Quire lesen kann: %1 ist weder JCAMP-DX noch Text mit Trennzeichen</translation>
    </message>
    <message>
        <source>“%1” is filed in an entry already</source>
        <translation>„%1“ ist bereits in einem Eintrag abgelegt</translation>
    </message>
    <message>
        <source>“%1” was set aside (%2)</source>
        <translation>„%1“ wurde zurückgestellt (%2)</translation>
    </message>
    <message>
        <source>filed “%1” from the inbox</source>
        <translation>„%1“ aus dem Eingang abgelegt</translation>
    </message>
    <message>
        <source>“%1” is not in the inbox</source>
        <translation>„%1“ ist nicht im Eingang</translation>
    </message>
    <message>
        <source>it was not set aside: %1</source>
        <translation>es wurde nicht zurückgestellt: %1</translation>
    </message>
    <message>
        <source>inserted a plot of “%1”</source>
        <translation>Diagramm von „%1“ eingefügt</translation>
    </message>
    <message>
        <source>“%1” is not a file of this entry</source>
        <translation>„%1“ ist keine Datei dieses Eintrags</translation>
    </message>
    <message>
        <source>could not make a temporary folder for the plot</source>
        <translation>für das Diagramm konnte kein temporärer Ordner angelegt werden</translation>
    </message>
    <message>
        <source>Plot of %1.png</source>
        <translation>Diagramm von %1.png</translation>
    </message>
    <message>
        <source>could not write the plot as PNG</source>
        <translation>das Diagramm konnte nicht als PNG geschrieben werden</translation>
    </message>
    <message>
        <source>Plot of %1 (SHA-256 %2)</source>
        <translation>Diagramm von %1 (SHA-256 %2)</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>no folder of this computer is bound to the instrument</source>
        <translation>an das Gerät ist kein Ordner dieses Computers gebunden</translation>
    </message>
    <message>
        <source>“%1” is not a PDF</source>
        <translation>„%1“ ist kein PDF</translation>
    </message>
    <message>
        <source>the PDF is too large to read its text (at most %1 MiB)</source>
        <translation>das PDF ist zu groß, um seinen Text zu lesen (höchstens %1 MiB)</translation>
    </message>
    <message numerus="yes">
        <source>the entry has %n versions in conflict (saved on two computers apart); resolve the conflict first by saving a version that joins them</source>
        <translation>
            <numerusform>der Eintrag hat %n Version im Konflikt (auf zwei Computern getrennt gespeichert); lösen Sie zuerst den Konflikt auf, indem Sie eine Version speichern, die sie zusammenführt</numerusform>
            <numerusform>der Eintrag hat %n Versionen im Konflikt (auf zwei Computern getrennt gespeichert); lösen Sie zuerst den Konflikt auf, indem Sie eine Version speichern, die sie zusammenführt</numerusform>
        </translation>
    </message>
    <message>
        <source>the entry is not in conflict: there is nothing to resolve</source>
        <translation>der Eintrag steht nicht im Konflikt: es gibt nichts aufzulösen</translation>
    </message>
    <message>
        <source>only the entry&apos;s author can resolve its conflict</source>
        <translation>nur der Autor des Eintrags kann seinen Konflikt auflösen</translation>
    </message>
    <message>
        <source>a reason is needed to resolve a conflict</source>
        <translation>um einen Konflikt aufzulösen, ist eine Begründung nötig</translation>
    </message>
    <message>
        <source>there is no entry version %1</source>
        <translation>es gibt keine Eintragsversion %1</translation>
    </message>
    <message>
        <source>the comment was not saved: %1</source>
        <translation>der Kommentar wurde nicht gespeichert: %1</translation>
    </message>
    <message numerus="yes">
        <source>the entry has %n versions; there is no version %1</source>
        <translation>
            <numerusform>der Eintrag hat %n Version; es gibt keine Version %1</numerusform>
            <numerusform>der Eintrag hat %n Versionen; es gibt keine Version %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed unlock attempts before this unlock</source>
        <translation>
            <numerusform>%n fehlgeschlagener Entsperrversuch vor diesem Entsperren</numerusform>
            <numerusform>%n fehlgeschlagene Entsperrversuche vor diesem Entsperren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records attested by the time-stamp authority %1</source>
        <translation>
            <numerusform>%n Datensatz von der Zeitstempel-Autorität %1 bestätigt</numerusform>
            <numerusform>%n Datensätze von der Zeitstempel-Autorität %1 bestätigt</numerusform>
        </translation>
    </message>
    <message>
        <source>the file %1 is not in this notebook</source>
        <translation>die Datei %1 ist nicht in diesem Laborbuch</translation>
    </message>
    <message>
        <source>only members with the author role can add files</source>
        <translation>nur Mitglieder mit der Rolle Autor können Dateien hinzufügen</translation>
    </message>
    <message>
        <source>templates are written by “admins” or “authors”, not “%1”</source>
        <translation>Vorlagen schreiben „admins“ oder „authors“, nicht „%1“</translation>
    </message>
    <message>
        <source>only an admin can say who writes templates</source>
        <translation>nur ein Administrator kann festlegen, wer Vorlagen schreibt</translation>
    </message>
    <message>
        <source>the template needs a name</source>
        <translation>die Vorlage braucht einen Namen</translation>
    </message>
    <message>
        <source>there is no experiment %1</source>
        <translation>es gibt kein Experiment %1</translation>
    </message>
    <message>
        <source>the template cannot be saved: %1</source>
        <translation>die Vorlage kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>the template has no text to insert</source>
        <translation>die Vorlage enthält keinen Text zum Einfügen</translation>
    </message>
    <message>
        <source>several templates are called “%1”; name one by its id</source>
        <translation>mehrere Vorlagen heißen „%1“; nennen Sie eine bei ihrer ID</translation>
    </message>
    <message>
        <source>there is no template “%1” (quire-cli template list shows them)</source>
        <translation>es gibt keine Vorlage „%1“ (quire-cli template list zeigt sie)</translation>
    </message>
    <message>
        <source>“%1” is an entry template; an experiment starts from an experiment template</source>
        <translation>„%1“ ist eine Eintragsvorlage; ein Experiment beginnt mit einer Experimentvorlage</translation>
    </message>
    <message>
        <source>the template “%1” was withdrawn</source>
        <translation>die Vorlage „%1“ wurde zurückgezogen</translation>
    </message>
    <message>
        <source>withdrawing a template needs a reason</source>
        <translation>das Zurückziehen einer Vorlage braucht einen Grund</translation>
    </message>
    <message>
        <source>the template “%1” is withdrawn already</source>
        <translation>die Vorlage „%1“ ist bereits zurückgezogen</translation>
    </message>
    <message>
        <source>the template cannot be withdrawn: %1</source>
        <translation>die Vorlage kann nicht zurückgezogen werden: %1</translation>
    </message>
    <message>
        <source>%1 “%2” created from template %3</source>
        <translation>%1 „%2“ aus Vorlage %3 angelegt</translation>
    </message>
    <message>
        <source>templates may be written by admins and authors</source>
        <translation>Vorlagen dürfen Administratoren und Autoren schreiben</translation>
    </message>
    <message>
        <source>templates may be written by admins only</source>
        <translation>Vorlagen dürfen nur Administratoren schreiben</translation>
    </message>
    <message>
        <source>Quire recovery sheet</source>
        <translation>Quire-Wiederherstellungsblatt</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>Laborbuch</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>(not set yet: write it here by hand)</source>
        <translation>(noch nicht festgelegt: hier von Hand eintragen)</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>Erstellt am</translation>
    </message>
    <message>
        <source>What this is</source>
        <translation>Was das ist</translation>
    </message>
    <message>
        <source>With this code and the server above, a new computer gets your membership and the whole notebook back, even if this computer is lost or your passphrase is forgotten. Anyone who has both can act as you in this notebook: keep the sheet locked away, apart from your computer.</source>
        <translation>Mit diesem Code und dem Server oben erhält ein neuer Computer Ihre Mitgliedschaft und das ganze Laborbuch zurück, auch wenn dieser Computer verloren oder Ihre Passphrase vergessen ist. Wer beides hat, kann in diesem Laborbuch als Sie handeln: Bewahren Sie das Blatt unter Verschluss und getrennt von Ihrem Computer auf.</translation>
    </message>
    <message>
        <source>To recover</source>
        <translation>Zur Wiederherstellung</translation>
    </message>
    <message>
        <source>On the new computer run: quire-cli recover --remote SERVER --vault FOLDER, type the code and choose a new passphrase. Letters are not case-sensitive; O may be typed as 0 and I or L as 1. The last character of each group is a check: a typing error is named by its group.</source>
        <translation>Führen Sie auf dem neuen Computer aus: quire-cli recover --remote SERVER --vault ORDNER, geben Sie den Code ein und wählen Sie eine neue Passphrase. Groß- und Kleinschreibung spielt keine Rolle; O kann als 0 und I oder L als 1 getippt werden. Das letzte Zeichen jeder Gruppe ist eine Prüfziffer: Ein Tippfehler wird mit seiner Gruppe genannt.</translation>
    </message>
    <message>
        <source>When you make a new code</source>
        <translation>Wenn Sie einen neuen Code erstellen</translation>
    </message>
    <message>
        <source>A new code replaces this one as soon as your computer has synced: this sheet then opens nothing and can be destroyed.</source>
        <translation>Ein neuer Code ersetzt diesen, sobald Ihr Computer synchronisiert hat: Dieses Blatt öffnet dann nichts mehr und kann vernichtet werden.</translation>
    </message>
</context>
<context>
    <name>quire::PdfExport</name>
    <message>
        <source>printing to PDF is not available in this build</source>
        <translation>Drucken als PDF ist in diesem Build nicht verfügbar</translation>
    </message>
    <message>
        <source>the experiment has no entry %1</source>
        <translation>das Experiment hat keinen Eintrag %1</translation>
    </message>
    <message>
        <source>the experiment has no entries to export</source>
        <translation>das Experiment hat keine Einträge zum Exportieren</translation>
    </message>
    <message>
        <source>Merkle path of record %1 to the root of anchor %2</source>
        <translation>Merkle-Pfad von Datensatz %1 zur Wurzel von Anker %2</translation>
    </message>
    <message>
        <source>RFC 3161 time-stamp token of anchor %1</source>
        <translation>RFC-3161-Zeitstempel-Token von Anker %1</translation>
    </message>
    <message>
        <source>Sealed record %1 (canonical JSON)</source>
        <translation>Versiegelter Datensatz %1 (kanonisches JSON)</translation>
    </message>
    <message>
        <source>CMS of electronic signature %1</source>
        <translation>CMS der elektronischen Signatur %1</translation>
    </message>
    <message>
        <source>The notebook&apos;s certificate authority</source>
        <translation>Die Zertifizierungsstelle des Notizbuchs</translation>
    </message>
    <message>
        <source>Which record each entry shown comes from</source>
        <translation>Aus welchem Datensatz jeder gezeigte Eintrag stammt</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>Export %1</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>Export %1 of the experiment “%2” from the notebook “%3”</source>
        <translation>Export %1 des Experiments „%2“ aus dem Notizbuch „%3“</translation>
    </message>
    <message>
        <source>time-stamp: %1</source>
        <translation>Zeitstempel: %1</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate was not issued by this notebook</source>
        <translation>das Zertifikat des Unterzeichners wurde nicht von diesem Notizbuch ausgestellt</translation>
    </message>
    <message>
        <source>the PDF carries no Quire evidence (quire-manifest.json)</source>
        <translation>das PDF trägt keinen Quire-Nachweis (quire-manifest.json)</translation>
    </message>
    <message>
        <source>“%1” is not a meaning of a signature (authored, reviewed, approved, witnessed)</source>
        <translation>„%1“ ist keine Bedeutung einer Signatur (authored, reviewed, approved, witnessed)</translation>
    </message>
    <message>
        <source>this PDF is not an export of this notebook (it carries no Quire evidence)</source>
        <translation>dieses PDF ist kein Export dieses Notizbuchs (es trägt keinen Quire-Nachweis)</translation>
    </message>
    <message>
        <source>this PDF does not match your copy of the notebook: %1</source>
        <translation>dieses PDF stimmt nicht mit Ihrer Kopie des Notizbuchs überein: %1</translation>
    </message>
    <message>
        <source>an earlier signature on this PDF is not valid (%1: %2)</source>
        <translation>eine frühere Signatur auf diesem PDF ist nicht gültig (%1: %2)</translation>
    </message>
    <message>
        <source>your membership of this notebook is not active</source>
        <translation>Ihre Mitgliedschaft in diesem Notizbuch ist nicht aktiv</translation>
    </message>
    <message>
        <source>only a member who wrote entries in this PDF signs it as its author; you wrote none of them</source>
        <translation>nur ein Mitglied, das Einträge in diesem PDF geschrieben hat, signiert es als Autor; Sie haben keinen davon geschrieben</translation>
    </message>
    <message>
        <source>only a supervisor signs a PDF as %1</source>
        <translation>nur ein Betreuer signiert ein PDF als %1</translation>
    </message>
    <message>
        <source>you wrote entries in this PDF, so you may only sign it as their author (a witness is never the inventor)</source>
        <translation>Sie haben Einträge in diesem PDF geschrieben und dürfen es daher nur als deren Autor signieren (ein Zeuge ist nie der Erfinder)</translation>
    </message>
    <message>
        <source>the passphrase is wrong; nothing was signed, and the failed attempt was recorded</source>
        <translation>die Passphrase ist falsch; es wurde nichts signiert, und der Fehlversuch wurde aufgezeichnet</translation>
    </message>
    <message>
        <source>Meaning: %1</source>
        <translation>Bedeutung: %1</translation>
    </message>
    <message>
        <source>, entry %1</source>
        <translation>, Eintrag %1</translation>
    </message>
    <message>
        <source>, entries %1</source>
        <translation>, Einträge %1</translation>
    </message>
    <message>
        <source>no time-stamp authority is set</source>
        <translation>es ist keine Zeitstempel-Autorität eingestellt</translation>
    </message>
    <message>
        <source>the PDF carries no signature to time-stamp</source>
        <translation>das PDF trägt keine Signatur, die einen Zeitstempel bekommen könnte</translation>
    </message>
    <message>
        <source>a signature on this PDF is not valid (%1); nothing was added</source>
        <translation>eine Signatur auf diesem PDF ist nicht gültig (%1); es wurde nichts hinzugefügt</translation>
    </message>
    <message>
        <source>no time-stamp authority answered; the PDF is unchanged: %1</source>
        <translation>keine Zeitstempel-Autorität hat geantwortet; das PDF ist unverändert: %1</translation>
    </message>
</context>
<context>
    <name>quire::storage</name>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>the notebook database is damaged</source>
        <translation>die Datenbank des Laborbuchs ist beschädigt</translation>
    </message>
    <message>
        <source>could not write to the notebook database at %1: it is read-only</source>
        <translation>in die Datenbank des Laborbuchs unter %1 konnte nicht geschrieben werden: sie ist schreibgeschützt</translation>
    </message>
    <message>
        <source>could not open %1: %2%3</source>
        <translation>%1 konnte nicht geöffnet werden: %2%3</translation>
    </message>
    <message>
        <source>could not read or write the notebook database at %1: %2%3</source>
        <translation>die Datenbank des Laborbuchs unter %1 konnte nicht gelesen oder geschrieben werden: %2%3</translation>
    </message>
    <message>
        <source>the notebook database is in use by another program</source>
        <translation>die Datenbank des Laborbuchs wird von einem anderen Programm verwendet</translation>
    </message>
    <message>
        <source>there is not enough memory</source>
        <translation>es ist nicht genug Arbeitsspeicher frei</translation>
    </message>
    <message>
        <source>the passphrase is wrong</source>
        <translation>die Passphrase ist falsch</translation>
    </message>
    <message>
        <source>the statement was not prepared</source>
        <translation>die Anweisung wurde nicht vorbereitet</translation>
    </message>
    <message>
        <source>the notebook database is not open</source>
        <translation>die Datenbank des Laborbuchs ist nicht geöffnet</translation>
    </message>
    <message>
        <source>could not open %1: %2 bytes is not a database page size</source>
        <translation>%1 konnte nicht geöffnet werden: %2 Byte ist keine Seitengröße einer Datenbank</translation>
    </message>
    <message>
        <source>could not open %1: the key must be %2 bytes</source>
        <translation>%1 konnte nicht geöffnet werden: der Schlüssel muss %2 Byte lang sein</translation>
    </message>
    <message>
        <source>could not create %1: a file is already there</source>
        <translation>%1 konnte nicht angelegt werden: dort liegt bereits eine Datei</translation>
    </message>
    <message>
        <source>could not open %1: the file does not exist</source>
        <translation>%1 konnte nicht geöffnet werden: die Datei existiert nicht</translation>
    </message>
    <message>
        <source>could not open %1: it is not a file</source>
        <translation>%1 konnte nicht geöffnet werden: es ist keine Datei</translation>
    </message>
    <message>
        <source>the notebook database is damaged: it is not encrypted</source>
        <translation>die Datenbank des Laborbuchs ist beschädigt: sie ist nicht verschlüsselt</translation>
    </message>
    <message>
        <source>could not open %1: the file is read-only</source>
        <translation>%1 konnte nicht geöffnet werden: die Datei ist schreibgeschützt</translation>
    </message>
    <message>
        <source>could not open %1: the database cannot use a write-ahead log (journal mode is %2)</source>
        <translation>%1 konnte nicht geöffnet werden: die Datenbank kann kein Write-Ahead-Log verwenden (Journal-Modus ist %2)</translation>
    </message>
    <message>
        <source>there is no SQL statement in &quot;%1&quot;</source>
        <translation>in „%1“ steht keine SQL-Anweisung</translation>
    </message>
    <message>
        <source>prepare takes one statement (in: %1)</source>
        <translation>prepare nimmt genau eine Anweisung (in: %1)</translation>
    </message>
    <message>
        <source>could not change the key: a transaction is still open</source>
        <translation>der Schlüssel konnte nicht geändert werden: eine Transaktion ist noch offen</translation>
    </message>
    <message>
        <source>could not change the key: %1</source>
        <translation>der Schlüssel konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>the new key could not be verified: %1</source>
        <translation>der neue Schlüssel konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>could not read the notebook database&apos;s version</source>
        <translation>die Version der Datenbank des Laborbuchs konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>the notebook database was written by a newer version of Quire (database version %1, this program knows up to %2)</source>
        <translation>die Datenbank des Laborbuchs wurde von einer neueren Version von Quire geschrieben (Datenbankversion %1, dieses Programm kennt bis %2)</translation>
    </message>
    <message>
        <source>could not upgrade the notebook database to version %1: %2</source>
        <translation>die Datenbank des Laborbuchs konnte nicht auf Version %1 aktualisiert werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n rows of the table are not numbers and were left out (the first is line %1: &quot;%2&quot;)</source>
        <translation>
            <numerusform>%n Zeile der Tabelle enthält keine Zahlen und wurde ausgelassen (Zeile %1: „%2“)</numerusform>
            <numerusform>%n Zeilen der Tabelle enthalten keine Zahlen und wurden ausgelassen (die erste ist Zeile %1: „%2“)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n values of the table are empty; they show as gaps</source>
        <translation>
            <numerusform>%n Wert der Tabelle ist leer; er erscheint als Lücke</numerusform>
            <numerusform>%n Werte der Tabelle sind leer; sie erscheinen als Lücken</numerusform>
        </translation>
    </message>
    <message>
        <source>it is not a quire/1 record</source>
        <translation>es ist kein quire/1-Datensatz</translation>
    </message>
    <message>
        <source>it has an unknown record type “%1”</source>
        <translation>er hat einen unbekannten Datensatztyp „%1“</translation>
    </message>
    <message>
        <source>its fields are malformed</source>
        <translation>seine Felder sind fehlerhaft</translation>
    </message>
    <message>
        <source>it changes a %1 without a reason</source>
        <translation>er ändert einen Datensatz vom Typ %1 ohne Begründung</translation>
    </message>
    <message>
        <source>only an admin may write member records</source>
        <translation>nur ein Admin darf Mitgliedsdatensätze schreiben</translation>
    </message>
    <message>
        <source>the member&apos;s certificate is not issued by this notebook</source>
        <translation>das Zertifikat des Mitglieds wurde nicht von diesem Laborbuch ausgestellt</translation>
    </message>
    <message>
        <source>only members with the author role may write a %1</source>
        <translation>nur Mitglieder mit der Rolle Autor dürfen einen Datensatz vom Typ %1 schreiben</translation>
    </message>
    <message>
        <source>it changes an entry that someone else wrote</source>
        <translation>er ändert einen Eintrag, den jemand anderes geschrieben hat</translation>
    </message>
    <message>
        <source>it holds HTML outside the safe subset</source>
        <translation>er enthält HTML außerhalb der sicheren Teilmenge</translation>
    </message>
    <message>
        <source>only members with the author or admin role may write an instrument</source>
        <translation>nur Mitglieder mit der Rolle Autor oder Admin dürfen ein Gerät beschreiben</translation>
    </message>
    <message>
        <source>an instrument without a name</source>
        <translation>ein Gerät ohne Namen</translation>
    </message>
    <message>
        <source>an instrument&apos;s status is active or retired, not “%1”</source>
        <translation>der Status eines Geräts ist „aktiv“ oder „außer Betrieb“, nicht „%1“</translation>
    </message>
    <message>
        <source>it changes an instrument without a reason</source>
        <translation>er ändert ein Gerät ohne Begründung</translation>
    </message>
    <message>
        <source>only members with the author role may set a capture aside</source>
        <translation>nur Mitglieder mit der Rolle Autor dürfen eine übernommene Datei zurückstellen</translation>
    </message>
    <message>
        <source>setting aside has only one version</source>
        <translation>ein Zurückstellen hat nur eine Version</translation>
    </message>
    <message>
        <source>it sets aside something that is not a record id</source>
        <translation>er stellt etwas zurück, das keine Datensatz-ID ist</translation>
    </message>
    <message>
        <source>it sets a capture aside without a reason</source>
        <translation>er stellt eine übernommene Datei ohne Begründung zurück</translation>
    </message>
    <message>
        <source>only an admin may acknowledge an alarm</source>
        <translation>nur ein Admin darf einen Alarm bestätigen</translation>
    </message>
    <message>
        <source>an alarm acknowledgement names the alarm and a reason</source>
        <translation>eine Alarmbestätigung nennt den Alarm und eine Begründung</translation>
    </message>
    <message>
        <source>only the device&apos;s member or an admin may write a device record</source>
        <translation>nur das Mitglied des Computers oder ein Admin darf einen Computer-Datensatz schreiben</translation>
    </message>
    <message>
        <source>a device record names no member</source>
        <translation>ein Computer-Datensatz nennt kein Mitglied</translation>
    </message>
    <message>
        <source>a device without a name</source>
        <translation>ein Computer ohne Namen</translation>
    </message>
    <message>
        <source>a device&apos;s status is active or retired, not “%1”</source>
        <translation>der Status eines Computers ist „aktiv“ oder „außer Betrieb“, nicht „%1“</translation>
    </message>
    <message>
        <source>a device record without a reason</source>
        <translation>ein Computer-Datensatz ohne Begründung</translation>
    </message>
    <message>
        <source>only an admin may set the notebook&apos;s time-stamp authorities</source>
        <translation>nur ein Admin darf die Zeitstempel-Autoritäten des Laborbuchs festlegen</translation>
    </message>
    <message>
        <source>a signature has only one version</source>
        <translation>eine Signatur hat nur eine Version</translation>
    </message>
    <message>
        <source>an anchor has only one version</source>
        <translation>ein Anker hat nur eine Version</translation>
    </message>
    <message>
        <source>only entry and experiment versions merge others, not a %1</source>
        <translation>nur Versionen von Einträgen und Experimenten führen andere zusammen, kein Datensatz vom Typ %1</translation>
    </message>
    <message>
        <source>a first version cannot merge other versions</source>
        <translation>eine erste Version kann keine anderen Versionen zusammenführen</translation>
    </message>
    <message>
        <source>its merges are not a list of the versions it joins</source>
        <translation>seine Zusammenführungen sind keine Liste der Versionen, die er vereint</translation>
    </message>
    <message>
        <source>its merges name a malformed or repeated version</source>
        <translation>seine Zusammenführungen nennen eine fehlerhafte oder doppelte Version</translation>
    </message>
    <message>
        <source>it resolves a conflict without a reason</source>
        <translation>er löst einen Konflikt ohne Begründung auf</translation>
    </message>
    <message>
        <source>an anchor without records</source>
        <translation>ein Anker ohne Datensätze</translation>
    </message>
    <message>
        <source>an anchor with a malformed or repeated record id</source>
        <translation>ein Anker mit einer fehlerhaften oder doppelten Datensatz-ID</translation>
    </message>
    <message>
        <source>the anchor&apos;s root is not the root of its records</source>
        <translation>die Wurzel des Ankers ist nicht die Wurzel seiner Datensätze</translation>
    </message>
    <message>
        <source>the anchor&apos;s time-stamp token: %1</source>
        <translation>das Zeitstempel-Token des Ankers: %1</translation>
    </message>
    <message>
        <source>the anchor&apos;s time-stamp token is for another set of records</source>
        <translation>das Zeitstempel-Token des Ankers gilt für andere Datensätze</translation>
    </message>
    <message>
        <source>a time-stamp trust setting without a list of authorities</source>
        <translation>eine Zeitstempel-Vertrauenseinstellung ohne Liste von Autoritäten</translation>
    </message>
    <message>
        <source>a time-stamp trust setting must renew 1 to %1 days before expiry</source>
        <translation>eine Zeitstempel-Vertrauenseinstellung muss 1 bis %1 Tage vor dem Ablauf erneuern</translation>
    </message>
    <message>
        <source>the time-stamp authority “%1” is not an http or https address</source>
        <translation>die Zeitstempel-Autorität „%1“ ist keine http- oder https-Adresse</translation>
    </message>
    <message>
        <source>the time-stamp authority %1 is named twice</source>
        <translation>die Zeitstempel-Autorität %1 ist doppelt genannt</translation>
    </message>
    <message>
        <source>the time-stamp authority %1 has no trusted certificate</source>
        <translation>die Zeitstempel-Autorität %1 hat kein vertrauenswürdiges Zertifikat</translation>
    </message>
    <message>
        <source>a certificate trusted for %1 is not a certificate</source>
        <translation>ein für %1 als vertrauenswürdig angegebenes Zertifikat ist kein Zertifikat</translation>
    </message>
    <message>
        <source>“%1” is not a signature meaning; meanings are %2</source>
        <translation>„%1“ ist keine Bedeutung einer Signatur; Bedeutungen sind %2</translation>
    </message>
    <message>
        <source>the signed record %1 is not in this notebook</source>
        <translation>der signierte Datensatz %1 ist nicht in diesem Laborbuch</translation>
    </message>
    <message>
        <source>only entry versions are signed, and %1 is a %2 record</source>
        <translation>nur Versionen von Einträgen werden signiert, und %1 ist ein Datensatz vom Typ %2</translation>
    </message>
    <message>
        <source>a voided entry cannot be signed</source>
        <translation>ein ungültig gemachter Eintrag kann nicht signiert werden</translation>
    </message>
    <message>
        <source>the signer is not a member of this notebook</source>
        <translation>wer signiert, ist kein Mitglied dieses Laborbuchs</translation>
    </message>
    <message>
        <source>the signer&apos;s membership was revoked</source>
        <translation>die Mitgliedschaft der signierenden Person wurde widerrufen</translation>
    </message>
    <message>
        <source>only the entry&apos;s author can sign it as authored</source>
        <translation>nur der Autor des Eintrags kann ihn als verfasst signieren</translation>
    </message>
    <message>
        <source>the entry&apos;s author cannot sign it as %1; that signature must come from someone else</source>
        <translation>der Autor des Eintrags kann ihn nicht als %1 signieren; diese Signatur muss von jemand anderem kommen</translation>
    </message>
    <message>
        <source>only a supervisor can sign an entry as %1</source>
        <translation>nur ein Betreuer kann einen Eintrag als %1 signieren</translation>
    </message>
    <message>
        <source>a comment is never changed; a new comment corrects it</source>
        <translation>ein Kommentar wird nie geändert; ein neuer Kommentar berichtigt ihn</translation>
    </message>
    <message>
        <source>a comment on something that is not a record id</source>
        <translation>ein Kommentar zu etwas, das keine Datensatz-ID ist</translation>
    </message>
    <message>
        <source>a comment holds HTML outside the safe subset</source>
        <translation>ein Kommentar enthält HTML außerhalb der sicheren Teilmenge</translation>
    </message>
    <message>
        <source>a comment that says nothing</source>
        <translation>ein Kommentar, der nichts sagt</translation>
    </message>
    <message>
        <source>a comment&apos;s requests_changes is true or false</source>
        <translation>requests_changes eines Kommentars ist true oder false</translation>
    </message>
    <message>
        <source>a comment corrects something that is not a record id</source>
        <translation>ein Kommentar berichtigt etwas, das keine Datensatz-ID ist</translation>
    </message>
    <message>
        <source>the commented record %1 is not in this notebook</source>
        <translation>der kommentierte Datensatz %1 ist nicht in diesem Laborbuch</translation>
    </message>
    <message>
        <source>only entry versions are commented on, and %1 is a %2 record</source>
        <translation>nur Versionen von Einträgen werden kommentiert, und %1 ist ein Datensatz vom Typ %2</translation>
    </message>
    <message>
        <source>the commenter is not a member of this notebook</source>
        <translation>wer kommentiert, ist kein Mitglied dieses Laborbuchs</translation>
    </message>
    <message>
        <source>the commenter&apos;s membership was revoked</source>
        <translation>die Mitgliedschaft der kommentierenden Person wurde widerrufen</translation>
    </message>
    <message>
        <source>only a supervisor can request changes</source>
        <translation>nur ein Betreuer kann Änderungen verlangen</translation>
    </message>
    <message>
        <source>the entry&apos;s author cannot request changes of their own entry</source>
        <translation>der Autor eines Eintrags kann keine Änderungen am eigenen Eintrag verlangen</translation>
    </message>
    <message>
        <source>a voided entry cannot be asked to change</source>
        <translation>für einen ungültig gemachten Eintrag können keine Änderungen verlangt werden</translation>
    </message>
    <message>
        <source>the corrected comment %1 is not in this notebook</source>
        <translation>der berichtigte Kommentar %1 ist nicht in diesem Laborbuch</translation>
    </message>
    <message>
        <source>a comment corrects only an earlier comment of the same member</source>
        <translation>ein Kommentar berichtigt nur einen früheren Kommentar desselben Mitglieds</translation>
    </message>
    <message>
        <source>a comment corrects only a comment on the same entry</source>
        <translation>ein Kommentar berichtigt nur einen Kommentar zum selben Eintrag</translation>
    </message>
    <message numerus="yes">
        <source>%n files were removed from the shared repository (%1%2); this sync puts them back</source>
        <translation>
            <numerusform>%n Datei wurde aus dem gemeinsamen Repository entfernt (%1%2); diese Synchronisation stellt sie wieder her</numerusform>
            <numerusform>%n Dateien wurden aus dem gemeinsamen Repository entfernt (%1%2); diese Synchronisation stellt sie wieder her</numerusform>
        </translation>
    </message>
    <message>
        <source>the previous version %1 does not exist</source>
        <translation>die vorige Version %1 existiert nicht</translation>
    </message>
    <message>
        <source>the previous version %1 belongs to another object</source>
        <translation>die vorige Version %1 gehört zu einem anderen Objekt</translation>
    </message>
    <message>
        <source>this notebook is waiting for an admin to approve your join request; sync once it is approved</source>
        <translation>dieses Laborbuch wartet darauf, dass ein Admin Ihre Beitrittsanfrage genehmigt; synchronisieren Sie, sobald sie genehmigt ist</translation>
    </message>
    <message>
        <source>the invitation cannot be used: %1</source>
        <translation>die Einladung kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>your name is needed</source>
        <translation>Ihr Name wird benötigt</translation>
    </message>
    <message>
        <source>the passphrase must have at least 8 characters</source>
        <translation>die Passphrase muss mindestens 8 Zeichen haben</translation>
    </message>
    <message>
        <source>this vault has not joined its notebook yet</source>
        <translation>dieser Laborbuch-Ordner ist seinem Laborbuch noch nicht beigetreten</translation>
    </message>
    <message>
        <source>only an active admin of the notebook may do this</source>
        <translation>nur ein aktiver Admin des Laborbuchs darf das tun</translation>
    </message>
    <message>
        <source>set the shared repository first (remote set URL): the invitation tells the newcomer where it is</source>
        <translation>legen Sie zuerst das gemeinsame Repository fest (remote set URL): die Einladung sagt dem neuen Mitglied, wo es ist</translation>
    </message>
    <message>
        <source>name at least one role for the new member</source>
        <translation>nennen Sie mindestens eine Rolle für das neue Mitglied</translation>
    </message>
    <message>
        <source>“%1” is not a role; roles are %2</source>
        <translation>„%1“ ist keine Rolle; Rollen sind %2</translation>
    </message>
    <message>
        <source>the join request is for another notebook</source>
        <translation>die Beitrittsanfrage gilt einem anderen Laborbuch</translation>
    </message>
    <message>
        <source>%1 is already a member of this notebook</source>
        <translation>%1 ist bereits Mitglied dieses Laborbuchs</translation>
    </message>
    <message>
        <source>this vault does not hold the notebook&apos;s certificate authority key yet: sync, so that the share an admin&apos;s vault made for you arrives, then approve again</source>
        <translation>dieser Laborbuch-Ordner hat den Schlüssel der Zertifizierungsstelle des Laborbuchs noch nicht: synchronisieren Sie, damit der Anteil ankommt, den der Laborbuch-Ordner eines Admins für Sie erstellt hat, und genehmigen Sie dann erneut</translation>
    </message>
    <message>
        <source>you cannot revoke yourself</source>
        <translation>Sie können sich nicht selbst widerrufen</translation>
    </message>
    <message>
        <source>a reason is needed to revoke a member</source>
        <translation>um ein Mitglied zu widerrufen, wird eine Begründung benötigt</translation>
    </message>
    <message>
        <source>%1 is not an active member</source>
        <translation>%1 ist kein aktives Mitglied</translation>
    </message>
    <message>
        <source>the member has no record</source>
        <translation>das Mitglied hat keinen Datensatz</translation>
    </message>
    <message>
        <source>a stored key is damaged</source>
        <translation>ein gespeicherter Schlüssel ist beschädigt</translation>
    </message>
    <message>
        <source>a stored key could not be unlocked (%1)</source>
        <translation>ein gespeicherter Schlüssel konnte nicht entsperrt werden (%1)</translation>
    </message>
    <message>
        <source>could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 ist beschädigt: %2</translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the notebook at %1 is already open in another Quire window or command (process %2); close it first</source>
        <translation>das Laborbuch unter %1 ist bereits in einem anderen Quire-Fenster oder -Befehl geöffnet (Prozess %2); schließen Sie es zuerst</translation>
    </message>
    <message>
        <source>a notebook already exists at %1</source>
        <translation>unter %1 gibt es bereits ein Laborbuch</translation>
    </message>
    <message>
        <source>could not create the folder %1</source>
        <translation>der Ordner %1 konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>the key %1 is missing from the vault</source>
        <translation>der Schlüssel %1 fehlt im Laborbuch-Ordner</translation>
    </message>
    <message>
        <source>the vault holds no notebook key</source>
        <translation>der Laborbuch-Ordner enthält keinen Schlüssel des Laborbuchs</translation>
    </message>
    <message>
        <source>this vault&apos;s member is not in the notebook</source>
        <translation>das Mitglied dieses Laborbuch-Ordners ist nicht im Laborbuch</translation>
    </message>
    <message>
        <source>the notebook needs a name</source>
        <translation>das Laborbuch braucht einen Namen</translation>
    </message>
    <message>
        <source>“%1” is not an email address</source>
        <translation>„%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>there is no notebook at %1</source>
        <translation>unter %1 gibt es kein Laborbuch</translation>
    </message>
    <message>
        <source>%1 is not a Quire vault this version can open</source>
        <translation>%1 ist kein Quire-Laborbuch-Ordner, den diese Version öffnen kann</translation>
    </message>
    <message>
        <source>the new passphrase must have at least 8 characters</source>
        <translation>die neue Passphrase muss mindestens 8 Zeichen haben</translation>
    </message>
    <message>
        <source>the electronic signature is damaged: it is not a CMS signed-data structure</source>
        <translation>die elektronische Signatur ist beschädigt: sie ist keine CMS-SignedData-Struktur</translation>
    </message>
    <message>
        <source>the electronic signature has %1 signers; a notebook signature has exactly one</source>
        <translation>die elektronische Signatur hat %1 Unterzeichner; eine Signatur im Laborbuch hat genau einen</translation>
    </message>
    <message>
        <source>the electronic signature does not carry its signer&apos;s certificate</source>
        <translation>die elektronische Signatur enthält nicht das Zertifikat ihres Unterzeichners</translation>
    </message>
    <message>
        <source>could not read the signer&apos;s certificate</source>
        <translation>das Zertifikat des Unterzeichners konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>signing needs the member&apos;s private signing key</source>
        <translation>zum Signieren wird der private Signaturschlüssel des Mitglieds gebraucht</translation>
    </message>
    <message>
        <source>the signing certificate is damaged</source>
        <translation>das Signaturzertifikat ist beschädigt</translation>
    </message>
    <message>
        <source>could not load the signing key</source>
        <translation>der Signaturschlüssel konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>the signing key does not belong to the signing certificate</source>
        <translation>der Signaturschlüssel gehört nicht zum Signaturzertifikat</translation>
    </message>
    <message>
        <source>the statement to sign is too large</source>
        <translation>die zu signierende Erklärung ist zu groß</translation>
    </message>
    <message>
        <source>could not prepare the electronic signature</source>
        <translation>die elektronische Signatur konnte nicht vorbereitet werden</translation>
    </message>
    <message>
        <source>could not make the electronic signature</source>
        <translation>die elektronische Signatur konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>could not encode the electronic signature</source>
        <translation>die elektronische Signatur konnte nicht kodiert werden</translation>
    </message>
    <message>
        <source>the electronic signature contains its own copy of the statement; a notebook signature must be detached</source>
        <translation>die elektronische Signatur enthält eine eigene Kopie der Erklärung; eine Signatur im Laborbuch muss abgetrennt sein</translation>
    </message>
    <message>
        <source>the electronic signature is not over plain data</source>
        <translation>die elektronische Signatur gilt nicht für einfache Daten</translation>
    </message>
    <message>
        <source>the electronic signature names no digest</source>
        <translation>die elektronische Signatur nennt keinen Digest</translation>
    </message>
    <message>
        <source>the electronic signature uses the digest %1, not SHA-256</source>
        <translation>die elektronische Signatur verwendet den Digest %1, nicht SHA-256</translation>
    </message>
    <message>
        <source>the signature has no signing-certificate-v2 attribute</source>
        <translation>die Signatur hat kein Attribut signing-certificate-v2</translation>
    </message>
    <message>
        <source>the signature has more than one signing-certificate-v2 attribute</source>
        <translation>die Signatur hat mehr als ein Attribut signing-certificate-v2</translation>
    </message>
    <message>
        <source>the notebook&apos;s certificate authority is damaged</source>
        <translation>die Zertifizierungsstelle des Laborbuchs ist beschädigt</translation>
    </message>
    <message>
        <source>could not check the signer&apos;s certificate</source>
        <translation>das Zertifikat des Unterzeichners konnte nicht geprüft werden</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate is not issued by this notebook</source>
        <translation>das Zertifikat des Unterzeichners wurde nicht von diesem Laborbuch ausgestellt</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate is not valid for this notebook (%1)</source>
        <translation>das Zertifikat des Unterzeichners ist für dieses Laborbuch nicht gültig (%1)</translation>
    </message>
    <message>
        <source>out of memory while checking the electronic signature</source>
        <translation>kein Speicher mehr beim Prüfen der elektronischen Signatur</translation>
    </message>
    <message>
        <source>the signed statement is too large</source>
        <translation>die signierte Erklärung ist zu groß</translation>
    </message>
    <message>
        <source>the signature does not match the signed statement</source>
        <translation>die Signatur passt nicht zur signierten Erklärung</translation>
    </message>
    <message>
        <source>the signature&apos;s signing-certificate-v2 attribute is damaged</source>
        <translation>das Attribut signing-certificate-v2 der Signatur ist beschädigt</translation>
    </message>
    <message>
        <source>the signature&apos;s signing-certificate-v2 attribute does not name the signer&apos;s certificate</source>
        <translation>das Attribut signing-certificate-v2 der Signatur nennt nicht das Zertifikat des Unterzeichners</translation>
    </message>
    <message>
        <source>could not start decompressing the object</source>
        <translation>das Entpacken des Objekts konnte nicht beginnen</translation>
    </message>
    <message>
        <source>the encrypted object expands to more than %1 MiB when decompressed; it was refused as damaged or hostile</source>
        <translation>das verschlüsselte Objekt wird entpackt größer als %1 MiB; es wurde als beschädigt oder feindselig abgelehnt</translation>
    </message>
    <message>
        <source>the compressed data inside the encrypted object ends early</source>
        <translation>die komprimierten Daten im verschlüsselten Objekt enden zu früh</translation>
    </message>
    <message>
        <source>the compressed data inside the encrypted object is damaged</source>
        <translation>die komprimierten Daten im verschlüsselten Objekt sind beschädigt</translation>
    </message>
    <message>
        <source>the encrypted object has unexpected bytes after its compressed data</source>
        <translation>das verschlüsselte Objekt hat unerwartete Bytes nach seinen komprimierten Daten</translation>
    </message>
    <message>
        <source>the scrypt cost N must be a power of two of at least 2, not %1</source>
        <translation>der scrypt-Kostenfaktor N muss eine Zweierpotenz von mindestens 2 sein, nicht %1</translation>
    </message>
    <message>
        <source>the scrypt parameters r and p must be at least 1 (got r=%1, p=%2)</source>
        <translation>die scrypt-Parameter r und p müssen mindestens 1 sein (erhalten: r=%1, p=%2)</translation>
    </message>
    <message>
        <source>scrypt was asked for %1 bytes</source>
        <translation>scrypt wurde nach %1 Bytes gefragt</translation>
    </message>
    <message>
        <source>the scrypt parameters r=%1 and p=%2 are too large</source>
        <translation>die scrypt-Parameter r=%1 und p=%2 sind zu groß</translation>
    </message>
    <message>
        <source>the scrypt parameters N=%1, r=%2 would need more than 2 GiB of memory</source>
        <translation>die scrypt-Parameter N=%1, r=%2 bräuchten mehr als 2 GiB Speicher</translation>
    </message>
    <message>
        <source>the scrypt parameters N=%1, r=%2, p=%3 would need more than 2 GiB of memory</source>
        <translation>die scrypt-Parameter N=%1, r=%2, p=%3 bräuchten mehr als 2 GiB Speicher</translation>
    </message>
    <message>
        <source>scrypt is not available in this OpenSSL</source>
        <translation>scrypt ist in diesem OpenSSL nicht verfügbar</translation>
    </message>
    <message>
        <source>could not start scrypt</source>
        <translation>scrypt konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>scrypt failed for N=%1, r=%2, p=%3 (it needs about %4 MiB of memory)</source>
        <translation>scrypt ist für N=%1, r=%2, p=%3 fehlgeschlagen (es braucht etwa %4 MiB Speicher)</translation>
    </message>
    <message>
        <source>the decryption key has %1 bytes instead of 32</source>
        <translation>der Entschlüsselungsschlüssel hat %1 Bytes statt 32</translation>
    </message>
    <message>
        <source>the nonce has %1 bytes instead of 12</source>
        <translation>die Nonce hat %1 Bytes statt 12</translation>
    </message>
    <message>
        <source>the encrypted data is too short to hold its authentication tag; it is truncated</source>
        <translation>die verschlüsselten Daten sind zu kurz für ihr Authentifizierungs-Tag; sie sind abgeschnitten</translation>
    </message>
    <message>
        <source>could not start AES-256-GCM decryption</source>
        <translation>die AES-256-GCM-Entschlüsselung konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>the encrypted data is damaged or was changed, or the key is wrong (authentication failed)</source>
        <translation>die verschlüsselten Daten sind beschädigt oder wurden verändert, oder der Schlüssel ist falsch (Authentifizierung fehlgeschlagen)</translation>
    </message>
    <message>
        <source>could not start reading a private key</source>
        <translation>das Lesen eines privaten Schlüssels konnte nicht beginnen</translation>
    </message>
    <message>
        <source>the private key is damaged or not a PKCS#8 EC key</source>
        <translation>der private Schlüssel ist beschädigt oder kein PKCS#8-EC-Schlüssel</translation>
    </message>
    <message>
        <source>the private key is not a P-256 key</source>
        <translation>der private Schlüssel ist kein P-256-Schlüssel</translation>
    </message>
    <message>
        <source>the public key is damaged or not a SubjectPublicKeyInfo</source>
        <translation>der öffentliche Schlüssel ist beschädigt oder keine SubjectPublicKeyInfo</translation>
    </message>
    <message>
        <source>the public key is not a P-256 key</source>
        <translation>der öffentliche Schlüssel ist kein P-256-Schlüssel</translation>
    </message>
    <message>
        <source>a key agreement needs our private key, which is not loaded</source>
        <translation>eine Schlüsselvereinbarung braucht unseren privaten Schlüssel, der nicht geladen ist</translation>
    </message>
    <message>
        <source>the other party&apos;s public key is missing</source>
        <translation>der öffentliche Schlüssel der Gegenseite fehlt</translation>
    </message>
    <message>
        <source>the key agreement failed: the other party&apos;s key is not a valid P-256 public key</source>
        <translation>die Schlüsselvereinbarung ist fehlgeschlagen: der Schlüssel der Gegenseite ist kein gültiger öffentlicher P-256-Schlüssel</translation>
    </message>
    <message>
        <source>the key agreement failed</source>
        <translation>die Schlüsselvereinbarung ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>the email address &quot;%1&quot; cannot go into a certificate: it must be one plain ASCII address of at most 128 characters</source>
        <translation>die E-Mail-Adresse „%1“ kann nicht in ein Zertifikat: es muss eine einzelne, reine ASCII-Adresse mit höchstens 128 Zeichen sein</translation>
    </message>
    <message>
        <source>the certificate was not issued by this notebook&apos;s certificate authority</source>
        <translation>das Zertifikat wurde nicht von der Zertifizierungsstelle dieses Laborbuchs ausgestellt</translation>
    </message>
    <message>
        <source>the certificate&apos;s signature does not match: it was changed after it was issued</source>
        <translation>die Signatur des Zertifikats stimmt nicht: es wurde nach dem Ausstellen verändert</translation>
    </message>
    <message>
        <source>the certificate expired on %1</source>
        <translation>das Zertifikat ist am %1 abgelaufen</translation>
    </message>
    <message>
        <source>the certificate is not valid before %1</source>
        <translation>das Zertifikat ist nicht vor %1 gültig</translation>
    </message>
    <message>
        <source>the notebook&apos;s certificate authority is not allowed to issue certificates</source>
        <translation>die Zertifizierungsstelle des Laborbuchs darf keine Zertifikate ausstellen</translation>
    </message>
    <message>
        <source>the certificate is not valid for this notebook: %1</source>
        <translation>das Zertifikat ist für dieses Laborbuch nicht gültig: %1</translation>
    </message>
    <message>
        <source>making a certificate authority needs its private key</source>
        <translation>zum Erstellen einer Zertifizierungsstelle wird ihr privater Schlüssel gebraucht</translation>
    </message>
    <message>
        <source>a certificate must be valid for 1 to 100 years, not %1</source>
        <translation>ein Zertifikat muss 1 bis 100 Jahre gültig sein, nicht %1</translation>
    </message>
    <message>
        <source>the certificate authority needs a name</source>
        <translation>die Zertifizierungsstelle braucht einen Namen</translation>
    </message>
    <message>
        <source>could not build the certificate authority</source>
        <translation>die Zertifizierungsstelle konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>could not add the certificate authority&apos;s extensions</source>
        <translation>die Erweiterungen der Zertifizierungsstelle konnten nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>could not sign the certificate authority</source>
        <translation>die Zertifizierungsstelle konnte nicht signiert werden</translation>
    </message>
    <message>
        <source>could not encode the certificate</source>
        <translation>das Zertifikat konnte nicht kodiert werden</translation>
    </message>
    <message>
        <source>issuing a certificate needs the certificate authority&apos;s private key</source>
        <translation>zum Ausstellen eines Zertifikats wird der private Schlüssel der Zertifizierungsstelle gebraucht</translation>
    </message>
    <message>
        <source>the certificate authority&apos;s certificate is damaged</source>
        <translation>das Zertifikat der Zertifizierungsstelle ist beschädigt</translation>
    </message>
    <message>
        <source>the certificate authority&apos;s key does not belong to its certificate</source>
        <translation>der Schlüssel der Zertifizierungsstelle gehört nicht zu ihrem Zertifikat</translation>
    </message>
    <message>
        <source>cannot issue a certificate: </source>
        <translation>das Zertifikat kann nicht ausgestellt werden: </translation>
    </message>
    <message>
        <source>a signing certificate needs the member&apos;s name</source>
        <translation>ein Signaturzertifikat braucht den Namen des Mitglieds</translation>
    </message>
    <message>
        <source>could not build the signing certificate</source>
        <translation>das Signaturzertifikat konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>could not add the signing certificate&apos;s extensions</source>
        <translation>die Erweiterungen des Signaturzertifikats konnten nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>could not sign the member&apos;s certificate</source>
        <translation>das Zertifikat des Mitglieds konnte nicht signiert werden</translation>
    </message>
    <message>
        <source>the certificate is damaged or not DER X.509</source>
        <translation>das Zertifikat ist beschädigt oder kein DER-X.509</translation>
    </message>
    <message>
        <source>the certificate authority&apos;s certificate is damaged or not DER X.509</source>
        <translation>das Zertifikat der Zertifizierungsstelle ist beschädigt oder kein DER-X.509</translation>
    </message>
    <message>
        <source>the notebook&apos;s certificate authority is not self-signed, or its signature does not match</source>
        <translation>die Zertifizierungsstelle des Laborbuchs ist nicht selbstsigniert, oder ihre Signatur stimmt nicht</translation>
    </message>
    <message>
        <source>could not set up certificate verification</source>
        <translation>die Zertifikatsprüfung konnte nicht eingerichtet werden</translation>
    </message>
    <message>
        <source>a certificate request needs the member&apos;s name</source>
        <translation>eine Zertifikatsanfrage braucht den Namen des Mitglieds</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; starts or ends with white space; remove it</source>
        <translation>der Name „%1“ beginnt oder endet mit Leerraum; entfernen Sie ihn</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; has %2 characters; a certificate holds at most 64</source>
        <translation>der Name „%1“ hat %2 Zeichen; ein Zertifikat fasst höchstens 64</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; contains a control character</source>
        <translation>der Name „%1“ enthält ein Steuerzeichen</translation>
    </message>
    <message>
        <source>a certificate request needs the private signing key</source>
        <translation>eine Zertifikatsanfrage braucht den privaten Signaturschlüssel</translation>
    </message>
    <message>
        <source>a certificate request needs a P-256 key</source>
        <translation>eine Zertifikatsanfrage braucht einen P-256-Schlüssel</translation>
    </message>
    <message>
        <source>the email address &quot;%1&quot; starts or ends with white space; remove it</source>
        <translation>die E-Mail-Adresse „%1“ beginnt oder endet mit Leerraum; entfernen Sie ihn</translation>
    </message>
    <message>
        <source>could not build the certificate request</source>
        <translation>die Zertifikatsanfrage konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>could not sign the certificate request</source>
        <translation>die Zertifikatsanfrage konnte nicht signiert werden</translation>
    </message>
    <message>
        <source>could not encode the certificate request</source>
        <translation>die Zertifikatsanfrage konnte nicht kodiert werden</translation>
    </message>
    <message>
        <source>the certificate request is damaged or not a DER PKCS#10 request</source>
        <translation>die Zertifikatsanfrage ist beschädigt oder keine DER-PKCS#10-Anfrage</translation>
    </message>
    <message>
        <source>the certificate request has an unknown version</source>
        <translation>die Zertifikatsanfrage hat eine unbekannte Version</translation>
    </message>
    <message>
        <source>the certificate request&apos;s key is not a P-256 key</source>
        <translation>der Schlüssel der Zertifikatsanfrage ist kein P-256-Schlüssel</translation>
    </message>
    <message>
        <source>the certificate request is not signed with ECDSA-SHA256</source>
        <translation>die Zertifikatsanfrage ist nicht mit ECDSA-SHA256 signiert</translation>
    </message>
    <message>
        <source>the certificate request is not signed by its key: it was changed after it was made</source>
        <translation>die Zertifikatsanfrage ist nicht mit ihrem Schlüssel signiert: sie wurde nach ihrer Erstellung verändert</translation>
    </message>
    <message>
        <source>the certificate request must name exactly one person (one common name and one email address)</source>
        <translation>die Zertifikatsanfrage muss genau eine Person nennen (einen Namen und eine E-Mail-Adresse)</translation>
    </message>
    <message>
        <source>could not read the certificate request&apos;s key</source>
        <translation>der Schlüssel der Zertifikatsanfrage konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>this is not a Quire encrypted object (its first bytes are not &quot;QNC1&quot;)</source>
        <translation>dies ist kein verschlüsseltes Quire-Objekt (seine ersten Bytes sind nicht „QNC1“)</translation>
    </message>
    <message>
        <source>the encrypted object is truncated (%1 bytes, at least %2 expected)</source>
        <translation>das verschlüsselte Objekt ist abgeschnitten (%1 Bytes, mindestens %2 erwartet)</translation>
    </message>
    <message>
        <source>the encrypted object uses features this version of Quire does not know (flags 0x%1); update Quire</source>
        <translation>das verschlüsselte Objekt verwendet Funktionen, die diese Quire-Version nicht kennt (Flags 0x%1); aktualisieren Sie Quire</translation>
    </message>
    <message>
        <source>the notebook key has %1 bytes instead of 32</source>
        <translation>der Schlüssel des Laborbuchs hat %1 Bytes statt 32</translation>
    </message>
    <message>
        <source>the encrypted object is larger than 4 GiB, which Quire never writes</source>
        <translation>das verschlüsselte Objekt ist größer als 4 GiB, was Quire nie schreibt</translation>
    </message>
    <message>
        <source>the encrypted object is damaged or was changed (authentication failed), or it belongs to another name or key</source>
        <translation>das verschlüsselte Objekt ist beschädigt oder wurde verändert (Authentifizierung fehlgeschlagen), oder es gehört zu einem anderen Namen oder Schlüssel</translation>
    </message>
    <message>
        <source>the time-stamp token is damaged: it is not a CMS structure</source>
        <translation>das Zeitstempel-Token ist beschädigt: es ist keine CMS-Struktur</translation>
    </message>
    <message>
        <source>the time-stamp token is damaged: it holds no time-stamp information</source>
        <translation>das Zeitstempel-Token ist beschädigt: es enthält keine Zeitstempel-Informationen</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>kein Speicher mehr</translation>
    </message>
    <message>
        <source>a trusted time-stamp authority certificate could not be used</source>
        <translation>ein vertrauenswürdiges Zertifikat einer Zeitstempel-Autorität konnte nicht verwendet werden</translation>
    </message>
    <message>
        <source>no trusted time-stamp authority certificate is configured, so the time-stamp token cannot be checked</source>
        <translation>es ist kein vertrauenswürdiges Zertifikat einer Zeitstempel-Autorität eingerichtet, daher kann das Zeitstempel-Token nicht geprüft werden</translation>
    </message>
    <message>
        <source>the time-stamp token is for another record set (its imprint differs)</source>
        <translation>das Zeitstempel-Token gilt für andere Datensätze (sein Imprint weicht ab)</translation>
    </message>
    <message>
        <source>the time-stamp token&apos;s signature does not match its content: it was altered</source>
        <translation>die Signatur des Zeitstempel-Tokens passt nicht zu seinem Inhalt: es wurde verändert</translation>
    </message>
    <message>
        <source>the time-stamp token is not from a trusted time-stamp authority</source>
        <translation>das Zeitstempel-Token stammt nicht von einer vertrauenswürdigen Zeitstempel-Autorität</translation>
    </message>
    <message>
        <source>the time-stamp token does not name the certificate that signed it</source>
        <translation>das Zeitstempel-Token nennt nicht das Zertifikat, mit dem es signiert wurde</translation>
    </message>
    <message>
        <source>the time-stamp token has a version this program does not know</source>
        <translation>das Zeitstempel-Token hat eine Version, die dieses Programm nicht kennt</translation>
    </message>
    <message>
        <source>the time-stamp token could not be verified</source>
        <translation>das Zeitstempel-Token konnte nicht verifiziert werden</translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>the host name was not found</source>
        <translation>der Hostname wurde nicht gefunden</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>die Verbindung hat das Zeitlimit überschritten</translation>
    </message>
    <message>
        <source>the network is not available</source>
        <translation>das Netzwerk ist nicht verfügbar</translation>
    </message>
    <message>
        <source>the secure connection failed (%1)</source>
        <translation>die sichere Verbindung ist fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>the proxy failed (%1)</source>
        <translation>der Proxy ist fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <source>the time-stamp request is damaged, so the reply cannot be matched to it</source>
        <translation>die Zeitstempel-Anfrage ist beschädigt, daher kann die Antwort ihr nicht zugeordnet werden</translation>
    </message>
    <message>
        <source>the time-stamp authority&apos;s answer is not a valid time-stamp reply</source>
        <translation>die Antwort der Zeitstempel-Autorität ist keine gültige Zeitstempel-Antwort</translation>
    </message>
    <message>
        <source>the time-stamp authority granted the request but sent no token</source>
        <translation>die Zeitstempel-Autorität hat die Anfrage bewilligt, aber kein Token gesendet</translation>
    </message>
    <message>
        <source>the time-stamp authority&apos;s reply has no nonce, so it cannot be told apart from a replayed reply</source>
        <translation>die Antwort der Zeitstempel-Autorität hat keine Nonce, daher ist sie von einer wiedereingespielten Antwort nicht zu unterscheiden</translation>
    </message>
    <message>
        <source>the time-stamp reply answers another request (its nonce differs); it may be a replayed reply</source>
        <translation>die Zeitstempel-Antwort gehört zu einer anderen Anfrage (ihre Nonce weicht ab); sie könnte eine wiedereingespielte Antwort sein</translation>
    </message>
    <message>
        <source>the time-stamp authority used a hash other than SHA-256</source>
        <translation>die Zeitstempel-Autorität hat einen anderen Hash als SHA-256 verwendet</translation>
    </message>
    <message>
        <source>the time-stamp token is for another record set (its imprint differs from the request&apos;s)</source>
        <translation>das Zeitstempel-Token gilt für andere Datensätze (sein Imprint weicht von dem der Anfrage ab)</translation>
    </message>
    <message>
        <source>the time-stamp token could not be encoded</source>
        <translation>das Zeitstempel-Token konnte nicht kodiert werden</translation>
    </message>
    <message>
        <source>the time-stamp token&apos;s time is not a valid time</source>
        <translation>die Zeit im Zeitstempel-Token ist keine gültige Zeit</translation>
    </message>
    <message>
        <source>a time-stamp is checked against a SHA-256 digest of 32 bytes, not %1 bytes</source>
        <translation>ein Zeitstempel wird gegen einen SHA-256-Digest von 32 Bytes geprüft, nicht von %1 Bytes</translation>
    </message>
    <message>
        <source>the time-stamp token does not carry the certificate that signed it, so it cannot be checked</source>
        <translation>das Zeitstempel-Token enthält nicht das Zertifikat, mit dem es signiert wurde, daher kann es nicht geprüft werden</translation>
    </message>
    <message>
        <source>the time-stamp token could not be checked</source>
        <translation>das Zeitstempel-Token konnte nicht geprüft werden</translation>
    </message>
    <message>
        <source>the time-stamp token uses a hash other than SHA-256</source>
        <translation>das Zeitstempel-Token verwendet einen anderen Hash als SHA-256</translation>
    </message>
    <message>
        <source>it is not an X.509 certificate</source>
        <translation>es ist kein X.509-Zertifikat</translation>
    </message>
    <message>
        <source>the time-stamp authority address &quot;%1&quot; is not an http or https URL</source>
        <translation>die Adresse der Zeitstempel-Autorität „%1“ ist keine http- oder https-URL</translation>
    </message>
    <message>
        <source>the time-stamp authority at %1 did not answer within %2 seconds</source>
        <translation>die Zeitstempel-Autorität unter %1 hat nicht innerhalb von %2 Sekunden geantwortet</translation>
    </message>
    <message>
        <source>the time-stamp authority at %1 sent more than 1 MiB, which is not a time-stamp reply</source>
        <translation>die Zeitstempel-Autorität unter %1 hat mehr als 1 MiB gesendet; das ist keine Zeitstempel-Antwort</translation>
    </message>
    <message>
        <source>the server at %1 closed the connection without a valid HTTP answer</source>
        <translation>der Server unter %1 hat die Verbindung ohne gültige HTTP-Antwort geschlossen</translation>
    </message>
    <message>
        <source>could not reach the time-stamp authority at %1: %2</source>
        <translation>die Zeitstempel-Autorität unter %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>the time-stamp authority at %1 redirects to %2; redirects are not followed, so enter the new address if it is right</source>
        <translation>die Zeitstempel-Autorität unter %1 leitet auf %2 um; Umleitungen werden nicht befolgt, geben Sie also die neue Adresse ein, wenn sie stimmt</translation>
    </message>
    <message>
        <source>the time-stamp authority at %1 answered with an error: HTTP %2%3</source>
        <translation>die Zeitstempel-Autorität unter %1 hat mit einem Fehler geantwortet: HTTP %2%3</translation>
    </message>
    <message>
        <source>the server at %1 is not a time-stamp authority: it answered with %2 instead of a time-stamp reply</source>
        <translation>der Server unter %1 ist keine Zeitstempel-Autorität: er hat mit %2 statt mit einer Zeitstempel-Antwort geantwortet</translation>
    </message>
    <message>
        <source>the answer of the time-stamp authority at %1 was cut short: %2</source>
        <translation>die Antwort der Zeitstempel-Autorität unter %1 wurde abgeschnitten: %2</translation>
    </message>
    <message>
        <source>a time-stamp is requested for a SHA-256 digest of 32 bytes, not %1 bytes</source>
        <translation>ein Zeitstempel wird für einen SHA-256-Digest von 32 Bytes angefordert, nicht von %1 Bytes</translation>
    </message>
    <message>
        <source>the time-stamp request could not be built</source>
        <translation>die Zeitstempel-Anfrage konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>could not change the key: the key must be %1 bytes</source>
        <translation>der Schlüssel konnte nicht geändert werden: er muss %1 Bytes haben</translation>
    </message>
    <message>
        <source>could not start the backup of the database: %1</source>
        <translation>die Sicherung der Datenbank konnte nicht beginnen: %1</translation>
    </message>
    <message>
        <source>the backup of the database failed: %1</source>
        <translation>die Sicherung der Datenbank ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the file is binary, not text</source>
        <translation>die Datei ist binär, kein Text</translation>
    </message>
    <message>
        <source>no table of numbers was found: a table needs rows of at least two numbers separated by commas, semicolons, tabs or blanks</source>
        <translation>es wurde keine Zahlentabelle gefunden: eine Tabelle braucht Zeilen mit mindestens zwei Zahlen, getrennt durch Kommas, Semikolons, Tabulatoren oder Leerzeichen</translation>
    </message>
    <message>
        <source>the table has more values than one file may hold here (%1)</source>
        <translation>die Tabelle hat mehr Werte, als eine Datei hier fassen darf (%1)</translation>
    </message>
    <message>
        <source>the table has no column of numbers beside its first</source>
        <translation>die Tabelle hat neben ihrer ersten keine Spalte mit Zahlen</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number</source>
        <translation>%1: „%2“ ist keine Zahl</translation>
    </message>
    <message>
        <source>%1: a factor of 0 would make every value 0</source>
        <translation>%1: ein Faktor von 0 würde jeden Wert zu 0 machen</translation>
    </message>
    <message>
        <source>the table uses the variable %1, which ##SYMBOL= does not list</source>
        <translation>die Tabelle verwendet die Variable %1, die ##SYMBOL= nicht aufführt</translation>
    </message>
    <message>
        <source>##FACTOR= for %1 is 0 or not a number</source>
        <translation>##FACTOR= für %1 ist 0 oder keine Zahl</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the table has no data</source>
        <translation>die Tabelle hat keine Daten</translation>
    </message>
    <message>
        <source>the table has %1 points, but %2 says %3</source>
        <translation>die Tabelle hat %1 Punkte, aber %2 sagt %3</translation>
    </message>
    <message>
        <source>the x spacing cannot be known: there is no ##LASTX= and no ##DELTAX=</source>
        <translation>der Abstand der x-Werte ist nicht bestimmbar: es gibt weder ##LASTX= noch ##DELTAX=</translation>
    </message>
    <message>
        <source>the x values are not finite numbers</source>
        <translation>die x-Werte sind keine endlichen Zahlen</translation>
    </message>
    <message>
        <source>the table has no Y variable</source>
        <translation>die Tabelle hat keine Y-Variable</translation>
    </message>
    <message>
        <source>a JCAMP-DX file starts with ##TITLE=, and this one has none</source>
        <translation>eine JCAMP-DX-Datei beginnt mit ##TITLE=, und diese hat keines</translation>
    </message>
    <message>
        <source>the file has no data table Quire can read (##XYDATA=, ##XYPOINTS=, ##PEAK TABLE= or ##DATA TABLE=)</source>
        <translation>die Datei hat keine Datentabelle, die Quire lesen kann (##XYDATA=, ##XYPOINTS=, ##PEAK TABLE= oder ##DATA TABLE=)</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>the data in %1 expand to more points than one file may hold here</source>
        <translation>die Daten in %1 ergeben mehr Punkte, als eine Datei hier fassen darf</translation>
    </message>
    <message>
        <source>%1 of the file should start with its X value, not %2</source>
        <translation>%1 der Datei sollte mit ihrem X-Wert beginnen, nicht mit %2</translation>
    </message>
    <message>
        <source>%1: a sign without a number after it</source>
        <translation>%1: ein Vorzeichen ohne Zahl danach</translation>
    </message>
    <message>
        <source>%1 of the file has %2, which is not part of a JCAMP-DX number (AFFN or ASDF)</source>
        <translation>%1 der Datei enthält %2, das nicht zu einer JCAMP-DX-Zahl gehört (AFFN oder ASDF)</translation>
    </message>
    <message>
        <source>%1: a decimal point without digits</source>
        <translation>%1: ein Dezimalpunkt ohne Ziffern</translation>
    </message>
    <message>
        <source>%1: a repeat count (DUP) that follows no value</source>
        <translation>%1: eine Wiederholungszahl (DUP), der kein Wert vorangeht</translation>
    </message>
    <message>
        <source>%1: a repeat count (DUP) out of range</source>
        <translation>%1: eine Wiederholungszahl (DUP) außerhalb des Bereichs</translation>
    </message>
    <message>
        <source>%1: a difference (DIF) with no value before it</source>
        <translation>%1: eine Differenz (DIF) ohne vorangehenden Wert</translation>
    </message>
    <message>
        <source>%1 starts with a difference, so the Y check of the line before cannot be made: the data are damaged</source>
        <translation>%1 beginnt mit einer Differenz, daher kann die Y-Prüfung der vorigen Zeile nicht erfolgen: die Daten sind beschädigt</translation>
    </message>
    <message>
        <source>Y check failed in %1: the line repeats the last value of the line before as %2, but the data decode to %3; the file is damaged or was written wrongly</source>
        <translation>Y-Prüfung in %1 fehlgeschlagen: die Zeile wiederholt den letzten Wert der vorigen Zeile als %2, doch die Daten ergeben %3; die Datei ist beschädigt oder wurde falsch geschrieben</translation>
    </message>
    <message>
        <source>%1 of the file has an X value but no Y values</source>
        <translation>%1 der Datei hat einen X-Wert, aber keine Y-Werte</translation>
    </message>
    <message>
        <source>%1 of the file has %2 where a number should be</source>
        <translation>%1 der Datei enthält %2, wo eine Zahl stehen sollte</translation>
    </message>
    <message>
        <source>the table at %1 has more values than a file can hold here</source>
        <translation>die Tabelle bei %1 hat mehr Werte, als eine Datei hier fassen kann</translation>
    </message>
    <message>
        <source>not a file Quire can read: %1 is empty</source>
        <translation>keine Datei, die Quire lesen kann: %1 ist leer</translation>
    </message>
    <message>
        <source>not a file Quire can read: %1 is binary, and Quire reads instrument data as JCAMP-DX or as text tables (CSV, TSV)</source>
        <translation>keine Datei, die Quire lesen kann: %1 ist binär, und Quire liest Gerätedaten als JCAMP-DX oder als Texttabellen (CSV, TSV)</translation>
    </message>
    <message>
        <source>not a file Quire can read: %1 is named like JCAMP-DX but does not start with a ##TITLE= record</source>
        <translation>keine Datei, die Quire lesen kann: %1 ist wie JCAMP-DX benannt, beginnt aber nicht mit einem ##TITLE=-Eintrag</translation>
    </message>
    <message>
        <source>not a file Quire can read: %1 is neither JCAMP-DX nor a text table with rows of numbers</source>
        <translation>keine Datei, die Quire lesen kann: %1 ist weder JCAMP-DX noch eine Texttabelle mit Zeilen aus Zahlen</translation>
    </message>
    <message>
        <source>%1 is %2, but it cannot be read: %3</source>
        <translation>%1 ist %2, kann aber nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>an entry has no name</source>
        <translation>ein Eintrag des Archivs hat keinen Namen</translation>
    </message>
    <message>
        <source>an entry&apos;s name is longer than 4096 characters</source>
        <translation>der Name eines Archiveintrags ist länger als 4096 Zeichen</translation>
    </message>
    <message>
        <source>an entry has a control character in its name (“%1”)</source>
        <translation>ein Archiveintrag hat ein Steuerzeichen im Namen („%1“)</translation>
    </message>
    <message>
        <source>the entry “%1” has an absolute path; an archive may only hold paths inside itself</source>
        <translation>der Archiveintrag „%1“ hat einen absoluten Pfad; ein Archiv darf nur Pfade in sich selbst enthalten</translation>
    </message>
    <message>
        <source>the entry “%1” climbs out of the archive with “..”</source>
        <translation>der Archiveintrag „%1“ verlässt das Archiv mit „..“</translation>
    </message>
    <message>
        <source>the entry “%1” has a name part longer than 255 bytes</source>
        <translation>der Archiveintrag „%1“ hat einen Namensteil, der länger als 255 Bytes ist</translation>
    </message>
    <message>
        <source>the entry “%1” names no file</source>
        <translation>der Archiveintrag „%1“ nennt keine Datei</translation>
    </message>
    <message>
        <source>the archive could not be read: it is not an open file</source>
        <translation>das Archiv konnte nicht gelesen werden: es ist keine geöffnete Datei</translation>
    </message>
    <message>
        <source>could not start reading the archive (out of memory)</source>
        <translation>das Lesen des Archivs konnte nicht beginnen (kein Speicher mehr)</translation>
    </message>
    <message>
        <source>the import was cancelled</source>
        <translation>der Import wurde abgebrochen</translation>
    </message>
    <message>
        <source>the archive holds more than %1 entries; Quire refuses it as a possible zip bomb</source>
        <translation>das Archiv enthält mehr als %1 Einträge; Quire lehnt es als mögliche Zip-Bombe ab</translation>
    </message>
    <message>
        <source>the entry “%1” is a hard link; an archive for import may hold only files and folders</source>
        <translation>der Archiveintrag „%1“ ist ein harter Link; ein Archiv für den Import darf nur Dateien und Ordner enthalten</translation>
    </message>
    <message>
        <source>the entry “%1” is a symbolic link; an archive for import may hold only files and folders</source>
        <translation>der Archiveintrag „%1“ ist ein symbolischer Link; ein Archiv für den Import darf nur Dateien und Ordner enthalten</translation>
    </message>
    <message>
        <source>the entry “%1” is encrypted; Quire imports only archives that are not</source>
        <translation>der Archiveintrag „%1“ ist verschlüsselt; Quire importiert nur unverschlüsselte Archive</translation>
    </message>
    <message>
        <source>the archive names “%1” both as a file and as a folder</source>
        <translation>das Archiv nennt „%1“ sowohl als Datei als auch als Ordner</translation>
    </message>
    <message>
        <source>the entry “%1” is neither a file nor a folder (a device, pipe or socket)</source>
        <translation>der Archiveintrag „%1“ ist weder Datei noch Ordner (ein Gerät, eine Pipe oder ein Socket)</translation>
    </message>
    <message>
        <source>the archive holds “%1” twice; Quire will not guess which one is meant</source>
        <translation>das Archiv enthält „%1“ zweimal; Quire rät nicht, welcher gemeint ist</translation>
    </message>
    <message>
        <source>the archive unpacks to more than %1 MiB; Quire refuses it as a possible zip bomb</source>
        <translation>das Archiv wird entpackt größer als %1 MiB; Quire lehnt es als mögliche Zip-Bombe ab</translation>
    </message>
    <message>
        <source>the archive unpacks to more than %1 times its size; Quire refuses it as a possible zip bomb</source>
        <translation>das Archiv wird entpackt mehr als %1-mal so groß; Quire lehnt es als mögliche Zip-Bombe ab</translation>
    </message>
    <message>
        <source>“%1” is larger than %2 MiB; Quire reads crate metadata only up to that size</source>
        <translation>„%1“ ist größer als %2 MiB; Quire liest Paket-Metadaten nur bis zu dieser Größe</translation>
    </message>
    <message>
        <source>the archive holds no ro-crate-metadata.json in a folder at its top: it is not a .eln file</source>
        <translation>das Archiv enthält keine ro-crate-metadata.json in einem Ordner auf oberster Ebene: es ist keine .eln-Datei</translation>
    </message>
    <message>
        <source>the archive holds %1 crates (%2); a .eln file holds one</source>
        <translation>das Archiv enthält %1 Pakete (%2); eine .eln-Datei enthält eines</translation>
    </message>
    <message>
        <source>the .eln file is not open for writing</source>
        <translation>die .eln-Datei ist nicht zum Schreiben geöffnet</translation>
    </message>
    <message>
        <source>libarchive could not start a zip (out of memory?)</source>
        <translation>libarchive konnte keine Zip-Datei beginnen (kein Speicher mehr?)</translation>
    </message>
    <message>
        <source>the .eln file is not open</source>
        <translation>die .eln-Datei ist nicht geöffnet</translation>
    </message>
    <message>
        <source>the previous file was not finished</source>
        <translation>die vorige Datei wurde nicht abgeschlossen</translation>
    </message>
    <message>
        <source>refusing to write %1</source>
        <translation>%1 wird nicht geschrieben</translation>
    </message>
    <message>
        <source>the root folder must come first</source>
        <translation>der Stammordner muss zuerst kommen</translation>
    </message>
    <message>
        <source>%1 is outside the root folder %2, or repeats it</source>
        <translation>%1 liegt außerhalb des Stammordners %2 oder wiederholt ihn</translation>
    </message>
    <message>
        <source>%1 would collide with another name in the .eln file</source>
        <translation>%1 würde mit einem anderen Namen in der .eln-Datei kollidieren</translation>
    </message>
    <message>
        <source>%1 names a folder</source>
        <translation>%1 nennt einen Ordner</translation>
    </message>
    <message>
        <source>%1 has no size</source>
        <translation>%1 hat keine Größe</translation>
    </message>
    <message>
        <source>no file is being written</source>
        <translation>es wird keine Datei geschrieben</translation>
    </message>
    <message>
        <source>more bytes than the file&apos;s size were given</source>
        <translation>es wurden mehr Bytes übergeben, als die Datei groß ist</translation>
    </message>
    <message>
        <source>the file ended %1 bytes short</source>
        <translation>der Datei fehlen am Ende %1 Bytes</translation>
    </message>
    <message>
        <source>the last file was not finished</source>
        <translation>die letzte Datei wurde nicht abgeschlossen</translation>
    </message>
    <message>
        <source>ro-crate-metadata.json is larger than %1 MiB; Quire reads crate metadata only up to that size</source>
        <translation>ro-crate-metadata.json ist größer als %1 MiB; Quire liest Paket-Metadaten nur bis zu dieser Größe</translation>
    </message>
    <message>
        <source>ro-crate-metadata.json is not valid JSON (%1 at byte %2)</source>
        <translation>ro-crate-metadata.json ist kein gültiges JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <source>ro-crate-metadata.json is not a JSON object</source>
        <translation>ro-crate-metadata.json ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>ro-crate-metadata.json has no @graph: it is not an RO-Crate</source>
        <translation>ro-crate-metadata.json hat keinen @graph: es ist kein RO-Crate</translation>
    </message>
    <message>
        <source>the metadata names a path outside the crate (%1): %2</source>
        <translation>die Metadaten nennen einen Pfad außerhalb des Pakets (%1): %2</translation>
    </message>
    <message>
        <source>ro-crate-metadata.json describes no root dataset (“./”): it is not an RO-Crate</source>
        <translation>ro-crate-metadata.json beschreibt kein Stamm-Dataset („./“): es ist kein RO-Crate</translation>
    </message>
    <message>
        <source>could not read the signing certificate&apos;s issuer</source>
        <translation>der Aussteller des Signaturzertifikats konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>a certificate to embed in the signature is damaged</source>
        <translation>ein Zertifikat, das in die Signatur eingebettet werden soll, ist beschädigt</translation>
    </message>
    <message>
        <source>the signing key gave no signature</source>
        <translation>der Signaturschlüssel hat keine Signatur geliefert</translation>
    </message>
    <message>
        <source>the signature is damaged: it is not a CMS signed-data structure</source>
        <translation>die Signatur ist beschädigt: sie ist keine CMS-SignedData-Struktur</translation>
    </message>
    <message>
        <source>the signature does not have exactly one signer</source>
        <translation>die Signatur hat nicht genau einen Unterzeichner</translation>
    </message>
    <message>
        <source>the signature does not carry its signer&apos;s certificate</source>
        <translation>die Signatur enthält nicht das Zertifikat ihres Unterzeichners</translation>
    </message>
    <message>
        <source>the signature carries content of its own; a PDF signature is detached</source>
        <translation>die Signatur enthält eigenen Inhalt; eine PDF-Signatur ist abgetrennt</translation>
    </message>
    <message>
        <source>the signature does not use SHA-256</source>
        <translation>die Signatur verwendet nicht SHA-256</translation>
    </message>
    <message>
        <source>the signature does not have exactly one message digest</source>
        <translation>die Signatur hat nicht genau einen Nachrichten-Digest</translation>
    </message>
    <message>
        <source>the signed bytes of the document were changed</source>
        <translation>die signierten Bytes des Dokuments wurden verändert</translation>
    </message>
    <message>
        <source>the signature value does not match its signer&apos;s certificate</source>
        <translation>der Signaturwert passt nicht zum Zertifikat seines Unterzeichners</translation>
    </message>
    <message>
        <source>the signing-certificate-v2 attribute is damaged</source>
        <translation>das Attribut signing-certificate-v2 ist beschädigt</translation>
    </message>
    <message>
        <source>out of memory while checking the signature</source>
        <translation>kein Speicher mehr beim Prüfen der Signatur</translation>
    </message>
    <message>
        <source>the signing-certificate-v2 attribute does not name the signer&apos;s certificate</source>
        <translation>das Attribut signing-certificate-v2 nennt nicht das Zertifikat des Unterzeichners</translation>
    </message>
    <message>
        <source>the signer&apos;s certificate is damaged</source>
        <translation>das Zertifikat des Unterzeichners ist beschädigt</translation>
    </message>
    <message>
        <source>the notebook&apos;s certificate authority is not self-signed</source>
        <translation>die Zertifizierungsstelle des Laborbuchs ist nicht selbstsigniert</translation>
    </message>
    <message>
        <source>it was not issued by the notebook&apos;s certificate authority</source>
        <translation>es wurde nicht von der Zertifizierungsstelle des Laborbuchs ausgestellt</translation>
    </message>
    <message>
        <source>it had expired at the time of signing (%1)</source>
        <translation>es war zum Zeitpunkt der Signatur abgelaufen (%1)</translation>
    </message>
    <message>
        <source>it was not yet valid at the time of signing (%1)</source>
        <translation>es war zum Zeitpunkt der Signatur noch nicht gültig (%1)</translation>
    </message>
    <message>
        <source>every embedded file needs a name</source>
        <translation>jede eingebettete Datei braucht einen Namen</translation>
    </message>
    <message>
        <source>two embedded files are called &quot;%1&quot;</source>
        <translation>zwei eingebettete Dateien heißen „%1“</translation>
    </message>
    <message>
        <source>the embedded file &quot;%1&quot; needs a media type such as application/json</source>
        <translation>die eingebettete Datei „%1“ braucht einen Medientyp wie application/json</translation>
    </message>
    <message>
        <source>a visible signature block needs the graphical application (fonts); sign without a visible block instead</source>
        <translation>ein sichtbarer Signaturblock braucht die grafische Anwendung (Schriften); signieren Sie stattdessen ohne sichtbaren Block</translation>
    </message>
    <message>
        <source>could not draw the signature block</source>
        <translation>der Signaturblock konnte nicht gezeichnet werden</translation>
    </message>
    <message>
        <source>the PDF has no pages</source>
        <translation>das PDF hat keine Seiten</translation>
    </message>
    <message>
        <source>the PDF has %1 pages; there is no page %2</source>
        <translation>das PDF hat %1 Seiten; es gibt keine Seite %2</translation>
    </message>
    <message>
        <source>internal error: the signature dictionary was not written</source>
        <translation>interner Fehler: das Signaturverzeichnis wurde nicht geschrieben</translation>
    </message>
    <message>
        <source>the PDF is too large to sign (over 9 GB)</source>
        <translation>das PDF ist zu groß zum Signieren (über 9 GB)</translation>
    </message>
    <message>
        <source>the PDF already has a signature field of that name</source>
        <translation>das PDF hat bereits ein Signaturfeld dieses Namens</translation>
    </message>
    <message>
        <source>the signature does not fit the room reserved for it</source>
        <translation>die Signatur passt nicht in den für sie reservierten Platz</translation>
    </message>
    <message>
        <source>a time-stamp is requested for a SHA-256 digest</source>
        <translation>ein Zeitstempel wird für einen SHA-256-Digest angefordert</translation>
    </message>
    <message>
        <source>the signature needs the time of signing</source>
        <translation>die Signatur braucht den Zeitpunkt der Signatur</translation>
    </message>
    <message>
        <source>the signature needs the signer&apos;s printed name and its meaning</source>
        <translation>die Signatur braucht den gedruckten Namen des Unterzeichners und ihre Bedeutung</translation>
    </message>
    <message>
        <source>the signature time-stamp failed: </source>
        <translation>der Zeitstempel der Signatur ist fehlgeschlagen: </translation>
    </message>
    <message>
        <source>the signing key does not belong to the signing certificate (%1)</source>
        <translation>der Signaturschlüssel gehört nicht zum Signaturzertifikat (%1)</translation>
    </message>
    <message>
        <source>the document time-stamp failed: </source>
        <translation>der Dokument-Zeitstempel ist fehlgeschlagen: </translation>
    </message>
    <message>
        <source>page headers and footers need the graphical application (fonts)</source>
        <translation>Kopf- und Fußzeilen brauchen die grafische Anwendung (Schriften)</translation>
    </message>
    <message>
        <source>could not draw the page headers</source>
        <translation>die Kopfzeilen konnten nicht gezeichnet werden</translation>
    </message>
    <message>
        <source>the printout has no pages</source>
        <translation>der Ausdruck hat keine Seiten</translation>
    </message>
    <message>
        <source>the page headers came out with %1 pages for %2</source>
        <translation>die Kopfzeilen ergaben %1 Seiten für %2</translation>
    </message>
    <message>
        <source>the PDF is encrypted; Quire signs only unencrypted PDFs</source>
        <translation>das PDF ist verschlüsselt; Quire signiert nur unverschlüsselte PDFs</translation>
    </message>
    <message>
        <source>the PDF has no cross-reference section at its end</source>
        <translation>das PDF hat an seinem Ende keinen Querverweisabschnitt</translation>
    </message>
    <message>
        <source>the PDF&apos;s page tree is damaged; rewrite the file (export it again) before signing</source>
        <translation>der Seitenbaum des PDFs ist beschädigt; schreiben Sie die Datei neu (exportieren Sie sie erneut), bevor Sie signieren</translation>
    </message>
    <message>
        <source>the PDF is too large to read its text (%1 MiB; at most %2 MiB)</source>
        <translation>das PDF ist zu groß, um seinen Text zu lesen (%1 MiB; höchstens %2 MiB)</translation>
    </message>
    <message>
        <source>the file is not a PDF</source>
        <translation>die Datei ist kein PDF</translation>
    </message>
    <message>
        <source>the PDF is damaged and cannot be read</source>
        <translation>das PDF ist beschädigt und kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the PDF is protected by a password, so its text cannot be read</source>
        <translation>das PDF ist mit einem Passwort geschützt, daher kann sein Text nicht gelesen werden</translation>
    </message>
    <message>
        <source>the PDF cannot be read</source>
        <translation>das PDF kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the PDF is protected by a password</source>
        <translation>das PDF ist mit einem Passwort geschützt</translation>
    </message>
    <message>
        <source>the PDF has no page %1</source>
        <translation>das PDF hat keine Seite %1</translation>
    </message>
    <message>
        <source>page %1 of the PDF cannot be read</source>
        <translation>Seite %1 des PDFs kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>page %1 of the PDF is empty</source>
        <translation>Seite %1 des PDFs ist leer</translation>
    </message>
    <message>
        <source>page %1 of the PDF could not be drawn</source>
        <translation>Seite %1 des PDFs konnte nicht gezeichnet werden</translation>
    </message>
    <message>
        <source>no preview for %1 files</source>
        <translation>keine Vorschau für %1-Dateien</translation>
    </message>
    <message>
        <source>the image cannot be read</source>
        <translation>das Bild kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>the image is too large to preview (%1 × %2 pixels)</source>
        <translation>das Bild ist zu groß für eine Vorschau (%1 × %2 Pixel)</translation>
    </message>
    <message>
        <source>the image cannot be read: %1</source>
        <translation>das Bild kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the JSON text starts with a byte order mark (U+FEFF); remove it</source>
        <translation>der JSON-Text beginnt mit einer Byte-Order-Mark (U+FEFF); entfernen Sie sie</translation>
    </message>
    <message>
        <source>unexpected %1 after the end of the JSON value at byte %2</source>
        <translation>unerwartetes %1 nach dem Ende des JSON-Werts bei Byte %2</translation>
    </message>
    <message>
        <source>the value</source>
        <translation>der Wert</translation>
    </message>
    <message>
        <source>%1 is nested too deeply: %2</source>
        <translation>%1 ist zu tief verschachtelt: %2</translation>
    </message>
    <message>
        <source>%1 is %2, outside the exact integer range |n| &lt; 2^53</source>
        <translation>%1 ist %2, außerhalb des exakten Ganzzahlbereichs |n| &lt; 2^53</translation>
    </message>
    <message>
        <source>%1 is not an integer (records hold no fractions: use a string with the unit or integer micro-units)</source>
        <translation>%1 ist keine ganze Zahl (Datensätze enthalten keine Brüche: verwenden Sie einen Text mit der Einheit oder ganzzahlige Mikro-Einheiten)</translation>
    </message>
    <message>
        <source>%1 is not valid Unicode (it has a lone surrogate)</source>
        <translation>%1 ist kein gültiges Unicode (es enthält ein einzelnes Surrogat)</translation>
    </message>
    <message>
        <source>%1 is not in Unicode NFC</source>
        <translation>%1 ist nicht in Unicode-NFC</translation>
    </message>
    <message>
        <source>at the top level</source>
        <translation>auf oberster Ebene</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>key &quot;%1&quot; %2 is not ASCII [a-z0-9_]</source>
        <translation>der Schlüssel „%1“ %2 ist nicht ASCII [a-z0-9_]</translation>
    </message>
    <message>
        <source>the JSON text is not an object at the top level</source>
        <translation>der JSON-Text ist auf oberster Ebene kein Objekt</translation>
    </message>
    <message>
        <source>the record breaks the format rules: %1</source>
        <translation>der Datensatz verstößt gegen die Formatregeln: %1</translation>
    </message>
    <message>
        <source>only admins and authors may write templates</source>
        <translation>nur Admins und Autoren dürfen Vorlagen schreiben</translation>
    </message>
    <message>
        <source>only an admin may write templates in this notebook</source>
        <translation>in diesem Laborbuch darf nur ein Admin Vorlagen schreiben</translation>
    </message>
    <message>
        <source>it changes a template that someone else wrote</source>
        <translation>er ändert eine Vorlage, die jemand anderes geschrieben hat</translation>
    </message>
    <message>
        <source>only an admin may say who writes templates</source>
        <translation>nur ein Admin darf festlegen, wer Vorlagen schreibt</translation>
    </message>
    <message>
        <source>a template without a name</source>
        <translation>eine Vorlage ohne Namen</translation>
    </message>
    <message>
        <source>a template&apos;s status is active or withdrawn, not “%1”</source>
        <translation>der Status einer Vorlage ist „aktiv“ oder „zurückgezogen“, nicht „%1“</translation>
    </message>
    <message>
        <source>it changes a template without a reason</source>
        <translation>er ändert eine Vorlage ohne Begründung</translation>
    </message>
    <message>
        <source>an entry template without HTML</source>
        <translation>eine Eintragsvorlage ohne HTML</translation>
    </message>
    <message>
        <source>a template holds HTML outside the safe subset</source>
        <translation>eine Vorlage enthält HTML außerhalb der sicheren Teilmenge</translation>
    </message>
    <message>
        <source>a template is of an experiment or an entry, not “%1”</source>
        <translation>eine Vorlage ist für ein Experiment oder einen Eintrag, nicht „%1“</translation>
    </message>
    <message>
        <source>an experiment template needs a title, project, tags and entries</source>
        <translation>eine Experimentvorlage braucht einen Titel, ein Projekt, Schlagwörter und Einträge</translation>
    </message>
    <message>
        <source>a template&apos;s tags are words</source>
        <translation>die Schlagwörter einer Vorlage sind Wörter</translation>
    </message>
    <message>
        <source>each entry of a template has a title and HTML</source>
        <translation>jeder Eintrag einer Vorlage hat einen Titel und HTML</translation>
    </message>
    <message>
        <source>templates are written by admins or authors, not “%1”</source>
        <translation>Vorlagen schreiben Admins oder Autoren, nicht „%1“</translation>
    </message>
    <message>
        <source>could not derive the key that wraps the CA key</source>
        <translation>der Schlüssel, der den Schlüssel der Zertifizierungsstelle umhüllt, konnte nicht abgeleitet werden</translation>
    </message>
    <message>
        <source>the certificate authority share for %1 is sealed by another certificate than its sealer&apos;s</source>
        <translation>der Anteil der Zertifizierungsstelle für %1 ist mit einem anderen Zertifikat versiegelt als dem seines Versieglers</translation>
    </message>
    <message>
        <source>the seal of the certificate authority share for %1 does not match its contents: the file was changed after it was sealed</source>
        <translation>das Siegel des Anteils der Zertifizierungsstelle für %1 passt nicht zu seinem Inhalt: die Datei wurde nach dem Versiegeln verändert</translation>
    </message>
    <message>
        <source>the certificate authority share is for another notebook&apos;s certificate authority</source>
        <translation>der Anteil der Zertifizierungsstelle gilt für die Zertifizierungsstelle eines anderen Laborbuchs</translation>
    </message>
    <message>
        <source>the certificate authority share does not open with this member&apos;s encryption key: it was made for someone else, or changed</source>
        <translation>der Anteil der Zertifizierungsstelle öffnet sich nicht mit dem Verschlüsselungsschlüssel dieses Mitglieds: er wurde für jemand anderen erstellt oder verändert</translation>
    </message>
    <message>
        <source>the certificate authority share holds a key that is not the notebook CA&apos;s</source>
        <translation>der Anteil der Zertifizierungsstelle enthält einen Schlüssel, der nicht der Zertifizierungsstelle des Laborbuchs gehört</translation>
    </message>
    <message>
        <source>the offer file names a key derivation this version does not use</source>
        <translation>die Angebotsdatei nennt eine Schlüsselableitung, die diese Version nicht verwendet</translation>
    </message>
    <message>
        <source>this is not a Quire offer to add a computer</source>
        <translation>dies ist kein Quire-Angebot, einen Computer hinzuzufügen</translation>
    </message>
    <message>
        <source>the offer file is damaged</source>
        <translation>die Angebotsdatei ist beschädigt</translation>
    </message>
    <message>
        <source>the code is not a valid offer code</source>
        <translation>der Code ist kein gültiger Angebotscode</translation>
    </message>
    <message>
        <source>the offer expired at %1 (offers last 24 hours): make a new one on your other computer</source>
        <translation>das Angebot ist um %1 abgelaufen (Angebote gelten 24 Stunden): erstellen Sie auf Ihrem anderen Computer ein neues</translation>
    </message>
    <message>
        <source>the offer is used up after %1 wrong codes: make a new one on your other computer</source>
        <translation>das Angebot ist nach %1 falschen Codes verbraucht: erstellen Sie auf Ihrem anderen Computer ein neues</translation>
    </message>
    <message>
        <source>wrong code: a code has 24 letters and digits in 6 groups of 4</source>
        <translation>falscher Code: ein Code hat 24 Buchstaben und Ziffern in 6 Gruppen zu 4</translation>
    </message>
    <message>
        <source>wrong code: it does not open this offer</source>
        <translation>falscher Code: er öffnet dieses Angebot nicht</translation>
    </message>
    <message>
        <source>no server address is set</source>
        <translation>es ist keine Serveradresse eingestellt</translation>
    </message>
    <message>
        <source>the server address contains a line break</source>
        <translation>die Serveradresse enthält einen Zeilenumbruch</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server address: %2</source>
        <translation>„%1“ ist keine Serveradresse: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid server address: %2</source>
        <translation>„%1“ ist keine gültige Serveradresse: %2</translation>
    </message>
    <message>
        <source>plain http:// would send the password unencrypted: use the server&apos;s https:// address</source>
        <translation>einfaches http:// würde das Passwort unverschlüsselt senden: verwenden Sie die https://-Adresse des Servers</translation>
    </message>
    <message>
        <source>the server address contains a password: remove it from the address and enter it as the password or token, which is kept in the vault</source>
        <translation>die Serveradresse enthält ein Passwort: entfernen Sie es aus der Adresse und geben Sie es als Passwort oder Token ein, das im Laborbuch-Ordner aufbewahrt wird</translation>
    </message>
    <message>
        <source>file:// addresses must name a folder on this computer (file:///path); mount the network share first</source>
        <translation>file://-Adressen müssen einen Ordner auf diesem Computer nennen (file:///Pfad); binden Sie die Netzwerkfreigabe zuerst ein</translation>
    </message>
    <message>
        <source>the file:// address has no folder path</source>
        <translation>die file://-Adresse hat keinen Ordnerpfad</translation>
    </message>
    <message>
        <source>&quot;%1&quot; addresses are not supported: %2</source>
        <translation>„%1“-Adressen werden nicht unterstützt: %2</translation>
    </message>
    <message>
        <source>the server address %1 names no server</source>
        <translation>die Serveradresse %1 nennt keinen Server</translation>
    </message>
    <message>
        <source>the server address %1 names no repository (add its path)</source>
        <translation>die Serveradresse %1 nennt kein Repository (fügen Sie seinen Pfad hinzu)</translation>
    </message>
    <message>
        <source>the pinned ssh host key &quot;%1&quot; is not a SHA-256 fingerprint (64 hex digits, or SHA256:… as ssh-keygen -l shows it)</source>
        <translation>der festgelegte SSH-Hostschlüssel „%1“ ist kein SHA-256-Fingerabdruck (64 Hexadezimalziffern, oder SHA256:…, wie ssh-keygen -l ihn zeigt)</translation>
    </message>
    <message>
        <source>the server sent a certificate that cannot be read</source>
        <translation>der Server hat ein Zertifikat gesendet, das nicht gelesen werden kann</translation>
    </message>
    <message>
        <source>out of memory checking a certificate</source>
        <translation>kein Speicher mehr beim Prüfen eines Zertifikats</translation>
    </message>
    <message>
        <source>the certificate authority file %1 does not exist</source>
        <translation>die Datei der Zertifizierungsstelle %1 existiert nicht</translation>
    </message>
    <message>
        <source>the certificate authority file %1 cannot be read: it must hold certificates in PEM form</source>
        <translation>die Datei der Zertifizierungsstelle %1 kann nicht gelesen werden: sie muss Zertifikate im PEM-Format enthalten</translation>
    </message>
    <message>
        <source>the server name %1 cannot be checked</source>
        <translation>der Servername %1 kann nicht geprüft werden</translation>
    </message>
    <message>
        <source>could not open the notebook&apos;s repository at %1: %2</source>
        <translation>das Repository des Laborbuchs unter %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid branch name</source>
        <translation>„%1“ ist kein gültiger Branch-Name</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid reference name</source>
        <translation>„%1“ ist kein gültiger Referenzname</translation>
    </message>
    <message>
        <source>the server address %1 cannot be used: %2</source>
        <translation>die Serveradresse %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>the transfer was cancelled</source>
        <translation>die Übertragung wurde abgebrochen</translation>
    </message>
    <message>
        <source>could not record what was fetched in %1: %2</source>
        <translation>was abgerufen wurde, konnte in %1 nicht festgehalten werden: %2</translation>
    </message>
    <message>
        <source>the fetch finished but %1 does not point at what the server has; sync again</source>
        <translation>das Abrufen ist abgeschlossen, aber %1 zeigt nicht auf das, was der Server hat; synchronisieren Sie erneut</translation>
    </message>
    <message>
        <source>there is nothing to push: %1 does not exist in %2</source>
        <translation>es gibt nichts zu senden: %1 existiert nicht in %2</translation>
    </message>
    <message>
        <source>the server %1 refused the push to %2 (%3): ask its administrator for write access</source>
        <translation>der Server %1 hat das Senden nach %2 abgelehnt (%3): bitten Sie seinen Administrator um Schreibzugriff</translation>
    </message>
    <message>
        <source>could not derive the key that wraps the notebook key</source>
        <translation>der Schlüssel, der den Schlüssel des Laborbuchs umhüllt, konnte nicht abgeleitet werden</translation>
    </message>
    <message>
        <source>the member&apos;s encryption key is unusable: </source>
        <translation>der Verschlüsselungsschlüssel des Mitglieds ist unbrauchbar: </translation>
    </message>
    <message>
        <source>the member&apos;s encryption key is not written in the standard form (SubjectPublicKeyInfo with an uncompressed point)</source>
        <translation>der Verschlüsselungsschlüssel des Mitglieds ist nicht in der Standardform geschrieben (SubjectPublicKeyInfo mit unkomprimiertem Punkt)</translation>
    </message>
    <message>
        <source>%1 is %2 KiB, far larger than any such file; it is not one</source>
        <translation>%1 ist %2 KiB groß, weit größer als jede solche Datei; es ist keine</translation>
    </message>
    <message>
        <source>%1 is not readable JSON: %2</source>
        <translation>%1 ist kein lesbares JSON: %2</translation>
    </message>
    <message>
        <source>%1 is not a Quire file (it has no &quot;format&quot;)</source>
        <translation>%1 ist keine Quire-Datei (sie hat kein „format“)</translation>
    </message>
    <message>
        <source>%1 is in format &quot;%2&quot;, which this version of Quire cannot read; update Quire</source>
        <translation>%1 hat das Format „%2“, das diese Quire-Version nicht lesen kann; aktualisieren Sie Quire</translation>
    </message>
    <message>
        <source>this file is %1, not %2</source>
        <translation>diese Datei ist %1, nicht %2</translation>
    </message>
    <message>
        <source>%1 has a field Quire does not know, &quot;%2&quot;; it was made by a newer Quire or changed by hand</source>
        <translation>%1 hat ein Feld, das Quire nicht kennt, „%2“; es wurde von einer neueren Quire-Version erstellt oder von Hand geändert</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 certificate is unusable: %2</source>
        <translation>%1 ist unbrauchbar: %2</translation>
    </message>
    <message>
        <source>cannot grant a key to &quot;%1&quot;: not a member uuid</source>
        <translation>„%1“ kann kein Schlüssel gewährt werden: es ist keine Mitglieds-UUID</translation>
    </message>
    <message>
        <source>cannot grant a key for epoch 0; epochs start at 1</source>
        <translation>für Epoche 0 kann kein Schlüssel gewährt werden; Epochen beginnen bei 1</translation>
    </message>
    <message>
        <source>the notebook key has %1 bytes instead of %2</source>
        <translation>der Schlüssel des Laborbuchs hat %1 Bytes statt %2</translation>
    </message>
    <message>
        <source>wrapping a key needs an ephemeral private key</source>
        <translation>das Umhüllen eines Schlüssels braucht einen kurzlebigen privaten Schlüssel</translation>
    </message>
    <message>
        <source>could not encrypt the notebook key for the member</source>
        <translation>der Schlüssel des Laborbuchs konnte für das Mitglied nicht verschlüsselt werden</translation>
    </message>
    <message>
        <source>could not make an ephemeral P-256 key</source>
        <translation>es konnte kein kurzlebiger P-256-Schlüssel erstellt werden</translation>
    </message>
    <message>
        <source>cannot open a key grant for &quot;%1&quot;: not a member uuid</source>
        <translation>eine Schlüsselfreigabe für „%1“ kann nicht geöffnet werden: es ist keine Mitglieds-UUID</translation>
    </message>
    <message>
        <source>opening a key grant needs the member&apos;s private encryption key, which is not loaded</source>
        <translation>zum Öffnen einer Schlüsselfreigabe wird der private Verschlüsselungsschlüssel des Mitglieds gebraucht, der nicht geladen ist</translation>
    </message>
    <message>
        <source>the key grant is damaged: it has epoch 0; epochs start at 1</source>
        <translation>die Schlüsselfreigabe ist beschädigt: sie hat Epoche 0; Epochen beginnen bei 1</translation>
    </message>
    <message>
        <source>the key grant for epoch %1 is damaged: its wrapped key has %2 bytes instead of %3</source>
        <translation>die Schlüsselfreigabe für Epoche %1 ist beschädigt: ihr umhüllter Schlüssel hat %2 Bytes statt %3</translation>
    </message>
    <message>
        <source>the key grant for epoch %1 is damaged: its ephemeral key is not a valid P-256 public key</source>
        <translation>die Schlüsselfreigabe für Epoche %1 ist beschädigt: ihr kurzlebiger Schlüssel ist kein gültiger öffentlicher P-256-Schlüssel</translation>
    </message>
    <message>
        <source>the key grant for epoch %1 does not open with this member&apos;s encryption key: it was made for another member, epoch or key, or it was changed</source>
        <translation>die Schlüsselfreigabe für Epoche %1 öffnet sich nicht mit dem Verschlüsselungsschlüssel dieses Mitglieds: sie wurde für ein anderes Mitglied, eine andere Epoche oder einen anderen Schlüssel erstellt, oder sie wurde verändert</translation>
    </message>
    <message>
        <source>the key grant for epoch %1 holds %2 bytes, not a notebook key</source>
        <translation>die Schlüsselfreigabe für Epoche %1 enthält %2 Bytes, keinen Schlüssel eines Laborbuchs</translation>
    </message>
    <message>
        <source>the admin&apos;s</source>
        <translation>das Zertifikat des Admins</translation>
    </message>
    <message>
        <source>the key grant file has no seal to check</source>
        <translation>die Datei der Schlüsselfreigaben hat kein Siegel, das geprüft werden könnte</translation>
    </message>
    <message>
        <source>the key grant file for %1 is sealed by another certificate (%2) than the one it was checked against (%3)</source>
        <translation>die Datei der Schlüsselfreigaben für %1 ist mit einem anderen Zertifikat (%2) versiegelt als dem, gegen das sie geprüft wurde (%3)</translation>
    </message>
    <message>
        <source>the sealing admin&apos;s</source>
        <translation>das Zertifikat des versiegelnden Admins</translation>
    </message>
    <message>
        <source>the seal of the key grant file for %1 does not match its contents: the file was changed after it was sealed</source>
        <translation>das Siegel der Datei der Schlüsselfreigaben für %1 passt nicht zu ihrem Inhalt: die Datei wurde nach dem Versiegeln verändert</translation>
    </message>
    <message>
        <source>the member&apos;s current key grants cannot be extended: </source>
        <translation>die aktuellen Schlüsselfreigaben des Mitglieds können nicht erweitert werden: </translation>
    </message>
    <message>
        <source>the member already holds a key for epoch %1</source>
        <translation>das Mitglied hat bereits einen Schlüssel für Epoche %1</translation>
    </message>
    <message>
        <source>the shared repository&apos;s address is empty</source>
        <translation>die Adresse des gemeinsamen Repositorys ist leer</translation>
    </message>
    <message>
        <source>cannot make the join request: </source>
        <translation>die Beitrittsanfrage kann nicht erstellt werden: </translation>
    </message>
    <message>
        <source>the join request is for another notebook (%1) than the invitation (%2)</source>
        <translation>die Beitrittsanfrage gilt für ein anderes Laborbuch (%1) als die Einladung (%2)</translation>
    </message>
    <message>
        <source>the join request names another first record (genesis) than the invitation: it belongs to a different copy of the notebook</source>
        <translation>die Beitrittsanfrage nennt einen anderen ersten Datensatz (Gründungsdatensatz) als die Einladung: sie gehört zu einer anderen Kopie des Laborbuchs</translation>
    </message>
    <message>
        <source>cannot approve the join request: </source>
        <translation>die Beitrittsanfrage kann nicht genehmigt werden: </translation>
    </message>
    <message>
        <source>cannot approve the join request: its name or email address differs from its certificate request</source>
        <translation>die Beitrittsanfrage kann nicht genehmigt werden: ihr Name oder ihre E-Mail-Adresse weicht von ihrer Zertifikatsanfrage ab</translation>
    </message>
    <message>
        <source>the notebook&apos;s certificate authority does not match the fingerprint in the invitation: this is not the notebook you were invited to, or someone changed it; do not trust it</source>
        <translation>die Zertifizierungsstelle des Laborbuchs passt nicht zum Fingerabdruck in der Einladung: dies ist nicht das Laborbuch, zu dem Sie eingeladen wurden, oder jemand hat es verändert; vertrauen Sie ihm nicht</translation>
    </message>
    <message>
        <source>the notebook&apos;s certificate authority is not marked as a certificate authority</source>
        <translation>die Zertifizierungsstelle des Laborbuchs ist nicht als Zertifizierungsstelle gekennzeichnet</translation>
    </message>
    <message>
        <source>the shared repository holds no Quire notebook (QUIRE.json is missing)</source>
        <translation>das gemeinsame Repository enthält kein Quire-Laborbuch (QUIRE.json fehlt)</translation>
    </message>
    <message>
        <source>the shared repository holds another notebook than this one; check the remote address</source>
        <translation>das gemeinsame Repository enthält ein anderes Laborbuch als dieses; prüfen Sie die Repository-Adresse</translation>
    </message>
    <message>
        <source>your join request has not been approved yet: the shared repository holds no key for you. Sync again once an admin has approved it.</source>
        <translation>Ihre Beitrittsanfrage wurde noch nicht genehmigt: das gemeinsame Repository enthält keinen Schlüssel für Sie. Synchronisieren Sie erneut, sobald ein Admin sie genehmigt hat.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an object id</source>
        <translation>„%1“ ist keine Objekt-ID</translation>
    </message>
    <message>
        <source>%1: could not %2 for object %3: %4</source>
        <translation>%1: Schritt „%2“ für Objekt %3 fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>%1: could not %2 for a pack of %3 objects: %4</source>
        <translation>%1: Schritt „%2“ für ein Paket von %3 Objekten fehlgeschlagen: %4</translation>
    </message>
    <message>
        <source>%1: the stored object is damaged (%2)</source>
        <translation>%1: das gespeicherte Objekt ist beschädigt (%2)</translation>
    </message>
    <message>
        <source>the notebook&apos;s object store at %1 has no object %2</source>
        <translation>der Objektspeicher des Laborbuchs unter %1 hat kein Objekt %2</translation>
    </message>
    <message>
        <source>the notebook has no genesis record yet</source>
        <translation>das Laborbuch hat noch keinen Gründungsdatensatz</translation>
    </message>
    <message>
        <source>the recovery file names a key derivation this version does not use</source>
        <translation>die Wiederherstellungsdatei nennt eine Schlüsselableitung, die diese Version nicht verwendet</translation>
    </message>
    <message>
        <source>this is not a Quire recovery file (it is too large)</source>
        <translation>dies ist keine Quire-Wiederherstellungsdatei (sie ist zu groß)</translation>
    </message>
    <message>
        <source>this is not a Quire recovery file</source>
        <translation>dies ist keine Quire-Wiederherstellungsdatei</translation>
    </message>
    <message>
        <source>the recovery file is damaged</source>
        <translation>die Wiederherstellungsdatei ist beschädigt</translation>
    </message>
    <message>
        <source>wrong code: “%1” is not a character of a recovery code (digits and letters except I, L, O and U)</source>
        <translation>falscher Code: „%1“ ist kein Zeichen eines Wiederherstellungscodes (Ziffern und Buchstaben außer I, L, O und U)</translation>
    </message>
    <message>
        <source>wrong code: a recovery code has %1 groups of %2 characters, this one has %3 characters</source>
        <translation>falscher Code: ein Wiederherstellungscode hat %1 Gruppen zu %2 Zeichen, dieser hat %3 Zeichen</translation>
    </message>
    <message>
        <source>wrong code: group %1 (“%2”) has a typing error; compare it with the recovery sheet</source>
        <translation>falscher Code: Gruppe %1 („%2“) enthält einen Tippfehler; vergleichen Sie sie mit dem Wiederherstellungsblatt</translation>
    </message>
    <message>
        <source>wrong code: it is not the code of this recovery file (a newer code replaces older ones)</source>
        <translation>falscher Code: es ist nicht der Code dieser Wiederherstellungsdatei (ein neuerer Code ersetzt ältere)</translation>
    </message>
    <message>
        <source>wrong code: it does not open this recovery file, or the file was altered</source>
        <translation>falscher Code: er öffnet diese Wiederherstellungsdatei nicht, oder die Datei wurde verändert</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid path in the repository</source>
        <translation>„%1“ ist kein gültiger Pfad im Repository</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a folder in the repository, not a file</source>
        <translation>„%1“ ist im Repository ein Ordner, keine Datei</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a file in the repository, not a folder</source>
        <translation>„%1“ ist im Repository eine Datei, kein Ordner</translation>
    </message>
    <message>
        <source>there is no repository at %1</source>
        <translation>unter %1 gibt es kein Repository</translation>
    </message>
    <message>
        <source>the repository is not open</source>
        <translation>das Repository ist nicht geöffnet</translation>
    </message>
    <message>
        <source>%1 was changed by someone else meanwhile; try again</source>
        <translation>%1 wurde inzwischen von jemand anderem geändert; versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>no shared repository is set for this notebook; set one first (quire-cli remote set URL)</source>
        <translation>für dieses Laborbuch ist kein gemeinsames Repository eingestellt; legen Sie zuerst eines fest (quire-cli remote set URL)</translation>
    </message>
    <message>
        <source>the sync was cancelled</source>
        <translation>die Synchronisation wurde abgebrochen</translation>
    </message>
    <message>
        <source>the shared repository kept changing while this sync ran (%1 attempts); sync again</source>
        <translation>das gemeinsame Repository hat sich während dieser Synchronisation ständig geändert (%1 Versuche); synchronisieren Sie erneut</translation>
    </message>
    <message>
        <source>a reason is needed to change a member&apos;s roles</source>
        <translation>um die Rollen eines Mitglieds zu ändern, ist eine Begründung nötig</translation>
    </message>
    <message>
        <source>name at least one role for the member</source>
        <translation>nennen Sie mindestens eine Rolle für das Mitglied</translation>
    </message>
    <message>
        <source>%1 is the notebook&apos;s last admin; make someone else admin first</source>
        <translation>%1 ist der letzte Admin des Laborbuchs; machen Sie zuerst jemand anderen zum Admin</translation>
    </message>
    <message>
        <source>only an active admin of the notebook may acknowledge an alarm</source>
        <translation>nur ein aktiver Admin des Laborbuchs darf einen Alarm bestätigen</translation>
    </message>
    <message>
        <source>a reason is needed to acknowledge an alarm</source>
        <translation>um einen Alarm zu bestätigen, ist eine Begründung nötig</translation>
    </message>
    <message>
        <source>name the alarm by its id (at least its first 6 digits; see: alarms)</source>
        <translation>nennen Sie den Alarm mit seiner ID (mindestens ihre ersten 6 Ziffern; siehe: alarms)</translation>
    </message>
    <message>
        <source>no alarm of this notebook has the id %1 (see: alarms)</source>
        <translation>kein Alarm dieses Laborbuchs hat die ID %1 (siehe: alarms)</translation>
    </message>
    <message>
        <source>%1 alarms start with %2: give more of the id</source>
        <translation>%1 Alarme beginnen mit %2: geben Sie mehr von der ID an</translation>
    </message>
    <message>
        <source>the alarm %1 was acknowledged already (%2)</source>
        <translation>der Alarm %1 wurde bereits bestätigt (%2)</translation>
    </message>
    <message>
        <source>could not encrypt a piece of %1</source>
        <translation>ein Teil von %1 konnte nicht verschlüsselt werden</translation>
    </message>
    <message>
        <source>there is no attachment %1</source>
        <translation>es gibt keinen Anhang %1</translation>
    </message>
    <message>
        <source>a piece of “%1” is missing (chunk %2)</source>
        <translation>ein Teil von „%1“ fehlt (Block %2)</translation>
    </message>
    <message>
        <source>%1 does not carry the name its content implies</source>
        <translation>%1 trägt nicht den Namen, den sein Inhalt ergibt</translation>
    </message>
    <message>
        <source>a piece of “%1” is damaged: %2</source>
        <translation>ein Teil von „%1“ ist beschädigt: %2</translation>
    </message>
    <message>
        <source>a piece of “%1” does not match its hash</source>
        <translation>ein Teil von „%1“ passt nicht zu seinem Hash</translation>
    </message>
    <message>
        <source>“%1” does not match its recorded size and SHA-256</source>
        <translation>„%1“ passt nicht zu seiner aufgezeichneten Größe und SHA-256</translation>
    </message>
    <message>
        <source>could not write next to %1: %2</source>
        <translation>neben %1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1 is not empty: restore into a new folder</source>
        <translation>%1 ist nicht leer: stellen Sie in einem neuen Ordner wieder her</translation>
    </message>
    <message>
        <source>the backup is damaged: its vault.json does not belong to it</source>
        <translation>die Sicherung ist beschädigt: ihre vault.json gehört nicht zu ihr</translation>
    </message>
    <message>
        <source>could not move the restored vault to %1</source>
        <translation>der wiederhergestellte Laborbuch-Ordner konnte nicht nach %1 verschoben werden</translation>
    </message>
    <message>
        <source>this is not a Quire backup, or it is damaged: %1</source>
        <translation>dies ist keine Quire-Sicherung, oder sie ist beschädigt: %1</translation>
    </message>
    <message>
        <source>the backup was refused, nothing was restored: %1</source>
        <translation>die Sicherung wurde abgelehnt, nichts wurde wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>the backup was refused, nothing was restored: %1 is in it twice</source>
        <translation>die Sicherung wurde abgelehnt, nichts wurde wiederhergestellt: %1 ist zweimal darin</translation>
    </message>
    <message>
        <source>this is not a Quire backup (it does not start with %1)</source>
        <translation>dies ist keine Quire-Sicherung (sie beginnt nicht mit %1)</translation>
    </message>
    <message>
        <source>this is not a Quire backup (%1 is damaged)</source>
        <translation>dies ist keine Quire-Sicherung (%1 ist beschädigt)</translation>
    </message>
    <message>
        <source>this is not a Quire backup this version can read</source>
        <translation>dies ist keine Quire-Sicherung, die diese Version lesen kann</translation>
    </message>
    <message>
        <source>the backup is damaged at %1: %2</source>
        <translation>die Sicherung ist bei %1 beschädigt: %2</translation>
    </message>
    <message>
        <source>this is not a Quire backup (it is empty)</source>
        <translation>dies ist keine Quire-Sicherung (sie ist leer)</translation>
    </message>
    <message>
        <source>the backup is incomplete: %1 is missing</source>
        <translation>die Sicherung ist unvollständig: %1 fehlt</translation>
    </message>
    <message>
        <source>this is not a Quire backup: %1</source>
        <translation>dies ist keine Quire-Sicherung: %1</translation>
    </message>
    <message>
        <source>could not create the folder for %1</source>
        <translation>der Ordner für %1 konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>there is no comment %1</source>
        <translation>es gibt keinen Kommentar %1</translation>
    </message>
    <message>
        <source>could not read the offer %1: %2</source>
        <translation>das Angebot %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Quire offer to add a computer</source>
        <translation>%1 ist kein Quire-Angebot, einen Computer hinzuzufügen</translation>
    </message>
    <message>
        <source>only an active member can add another computer</source>
        <translation>nur ein aktives Mitglied kann einen weiteren Computer hinzufügen</translation>
    </message>
    <message>
        <source>set the shared repository first (remote set URL): your other computer gets the notebook from there</source>
        <translation>legen Sie zuerst das gemeinsame Repository fest (remote set URL): Ihr anderer Computer erhält das Laborbuch von dort</translation>
    </message>
    <message>
        <source>wrong code</source>
        <translation>falscher Code</translation>
    </message>
    <message>
        <source>the code is wrong, and that was the last try: the offer is used up. Make a new one on your other computer.</source>
        <translation>der Code ist falsch, und das war der letzte Versuch: das Angebot ist verbraucht. Erstellen Sie auf Ihrem anderen Computer ein neues.</translation>
    </message>
    <message>
        <source>the code is wrong (%1 %2 left)</source>
        <translation>der Code ist falsch (%1 %2 übrig)</translation>
    </message>
    <message>
        <source>try</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>tries</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>a reason is needed to retire a computer</source>
        <translation>um einen Computer außer Betrieb zu nehmen, ist eine Begründung nötig</translation>
    </message>
    <message>
        <source>this is the computer you are using: retire it from another of your computers, or ask an admin</source>
        <translation>dies ist der Computer, den Sie gerade verwenden: nehmen Sie ihn von einem anderen Ihrer Computer aus außer Betrieb, oder bitten Sie einen Admin</translation>
    </message>
    <message>
        <source>no computer %1 is known in this notebook (see: device list)</source>
        <translation>in diesem Laborbuch ist kein Computer %1 bekannt (siehe: device list)</translation>
    </message>
    <message>
        <source>the computer %1 is already retired</source>
        <translation>der Computer %1 ist bereits außer Betrieb</translation>
    </message>
    <message>
        <source>only the computer&apos;s member or an admin may retire it</source>
        <translation>nur das Mitglied des Computers oder ein Admin darf ihn außer Betrieb nehmen</translation>
    </message>
    <message>
        <source>a draft needs its entry or experiment</source>
        <translation>ein Entwurf braucht seinen Eintrag oder sein Experiment</translation>
    </message>
    <message>
        <source>the notebook record is missing</source>
        <translation>der Datensatz des Laborbuchs fehlt</translation>
    </message>
    <message>
        <source>the anchor record is missing</source>
        <translation>der Ankerdatensatz fehlt</translation>
    </message>
    <message>
        <source>the anchor does not name record %1</source>
        <translation>der Anker nennt den Datensatz %1 nicht</translation>
    </message>
    <message>
        <source>signing with the member&apos;s key failed</source>
        <translation>das Signieren mit dem Schlüssel des Mitglieds ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>there is no instrument %1</source>
        <translation>es gibt kein Gerät %1</translation>
    </message>
    <message>
        <source>there is no capture %1</source>
        <translation>es gibt keine übernommene Datei %1</translation>
    </message>
    <message>
        <source>this vault has no key for epoch %1</source>
        <translation>dieser Laborbuch-Ordner hat keinen Schlüssel für Epoche %1</translation>
    </message>
    <message>
        <source>there is no record %1</source>
        <translation>es gibt keinen Datensatz %1</translation>
    </message>
    <message>
        <source>there is nothing with the id %1</source>
        <translation>es gibt nichts mit der ID %1</translation>
    </message>
    <message>
        <source>%1 is not a member of this notebook</source>
        <translation>%1 ist kein Mitglied dieses Laborbuchs</translation>
    </message>
    <message>
        <source>there is no experiment %1</source>
        <translation>es gibt kein Experiment %1</translation>
    </message>
    <message>
        <source>there is no entry %1</source>
        <translation>es gibt keinen Eintrag %1</translation>
    </message>
    <message>
        <source>%1 is not empty: recover into a new folder</source>
        <translation>%1 ist nicht leer: stellen Sie in einem neuen Ordner wieder her</translation>
    </message>
    <message>
        <source>the shared repository at %1 is empty</source>
        <translation>das gemeinsame Repository unter %1 ist leer</translation>
    </message>
    <message>
        <source>the shared repository holds no Quire notebook</source>
        <translation>das gemeinsame Repository enthält kein Quire-Laborbuch</translation>
    </message>
    <message>
        <source>the notebook&apos;s records did not arrive from the shared repository; sync again</source>
        <translation>die Datensätze des Laborbuchs sind nicht aus dem gemeinsamen Repository angekommen; synchronisieren Sie erneut</translation>
    </message>
    <message>
        <source>%1 is %2 in this notebook: a recovery gives nothing back to a member whose access ended</source>
        <translation>%1 hat in diesem Laborbuch den Status „%2“: eine Wiederherstellung gibt einem Mitglied, dessen Zugang beendet ist, nichts zurück</translation>
    </message>
    <message>
        <source>the keys in the recovery file are not %1&apos;s: the file was replaced</source>
        <translation>die Schlüssel in der Wiederherstellungsdatei gehören nicht %1: die Datei wurde ersetzt</translation>
    </message>
    <message>
        <source>there is no signature %1</source>
        <translation>es gibt keine Signatur %1</translation>
    </message>
    <message>
        <source>only an admin says who may write templates</source>
        <translation>nur ein Admin legt fest, wer Vorlagen schreiben darf</translation>
    </message>
    <message>
        <source>there is no anchor %1</source>
        <translation>es gibt keinen Anker %1</translation>
    </message>
    <message>
        <source>no time-stamp authority is set (quire-cli tsa trust --url URL --cert CERT.pem, or Settings in the app)</source>
        <translation>es ist keine Zeitstempel-Autorität eingestellt (quire-cli tsa trust --url URL --cert CERT.pem, oder die Einstellungen in der App)</translation>
    </message>
    <message>
        <source>no time-stamp authority certificate is trusted yet</source>
        <translation>noch keinem Zertifikat einer Zeitstempel-Autorität wird vertraut</translation>
    </message>
    <message>
        <source>no time-stamp authority answered; %1 records wait for the next chance:
%2</source>
        <translation>keine Zeitstempel-Autorität hat geantwortet; %1 Datensätze warten auf die nächste Gelegenheit:
%2</translation>
    </message>
    <message>
        <source>the anchor does not name %1</source>
        <translation>der Anker nennt %1 nicht</translation>
    </message>
    <message>
        <source>the signature does not verify: %1</source>
        <translation>die Signatur lässt sich nicht prüfen: %1</translation>
    </message>
    <message>
        <source>the renewed anchor record is missing</source>
        <translation>der erneuerte Ankerdatensatz fehlt</translation>
    </message>
    <message>
        <source>“%1” is not an http or https address</source>
        <translation>„%1“ ist keine http- oder https-Adresse</translation>
    </message>
    <message>
        <source>the trusted time-stamp certificates must be PEM certificates</source>
        <translation>die vertrauenswürdigen Zeitstempel-Zertifikate müssen PEM-Zertifikate sein</translation>
    </message>
    <message>
        <source>only an active admin sets the notebook&apos;s time-stamp authorities; add one for this computer alone with --local</source>
        <translation>nur ein aktiver Admin legt die Zeitstempel-Autoritäten des Laborbuchs fest; fügen Sie mit --local eine nur für diesen Computer hinzu</translation>
    </message>
    <message>
        <source>vault.json names an unknown key derivation</source>
        <translation>vault.json nennt eine unbekannte Schlüsselableitung</translation>
    </message>
    <message>
        <source>vault.json has invalid key derivation parameters</source>
        <translation>vault.json hat ungültige Parameter für die Schlüsselableitung</translation>
    </message>
</context>
<context>
    <name>quire::widgets::AddComputerDialog</name>
    <message>
        <source>Add my other computer</source>
        <translation>Meinen anderen Computer hinzufügen</translation>
    </message>
    <message>
        <source>Use this notebook on another computer of yours</source>
        <translation>Dieses Laborbuch auf einem Ihrer anderen Computer verwenden</translation>
    </message>
    <message>
        <source>Quire saves an offer file and shows a one-time code. Carry the file to your other computer (a USB stick, your own folder) and there choose “I already use this notebook on another computer”. Type the code there yourself: never send it with the file.</source>
        <translation>Quire speichert eine Angebotsdatei und zeigt einen Einmalcode. Bringen Sie die Datei zu Ihrem anderen Computer (USB-Stick, eigener Ordner) und wählen Sie dort „Ich verwende dieses Laborbuch schon auf einem anderen Computer“. Geben Sie den Code dort selbst ein: Senden Sie ihn nie zusammen mit der Datei.</translation>
    </message>
    <message>
        <source>e.g. Laptop</source>
        <translation>z. B. Laptop</translation>
    </message>
    <message>
        <source>&amp;Name of the other computer:</source>
        <translation>&amp;Name des anderen Computers:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Save the offer as:</source>
        <translation>Angebot &amp;speichern unter:</translation>
    </message>
    <message>
        <source>Making the offer…</source>
        <translation>Das Angebot wird erstellt…</translation>
    </message>
    <message>
        <source>&amp;Make offer</source>
        <translation>Angebot &amp;erstellen</translation>
    </message>
    <message>
        <source>Save the offer</source>
        <translation>Angebot speichern</translation>
    </message>
    <message>
        <source>Quire offers (*.qdev)</source>
        <translation>Quire-Angebote (*.qdev)</translation>
    </message>
    <message>
        <source>Choose where to save the offer file.</source>
        <translation>Wählen Sie, wo die Angebotsdatei gespeichert werden soll.</translation>
    </message>
    <message>
        <source>The offer could not be saved in %1: %2. Choose another place and make a new offer.</source>
        <translation>Das Angebot konnte nicht in %1 gespeichert werden: %2. Wählen Sie einen anderen Ort und erstellen Sie ein neues Angebot.</translation>
    </message>
    <message>
        <source>The offer is saved in %1. Type this code on your other computer. It works until %2; 5 wrong codes use it up. Sync here so that the notebook knows the new computer.</source>
        <translation>Das Angebot ist in %1 gespeichert. Geben Sie diesen Code auf Ihrem anderen Computer ein. Er gilt bis %2; nach 5 falschen Codes ist das Angebot verbraucht. Synchronisieren Sie hier, damit das Laborbuch den neuen Computer kennt.</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Fertig</translation>
    </message>
</context>
<context>
    <name>quire::widgets::AlarmsDialog</name>
    <message>
        <source>Fails authentication</source>
        <translation>Echtheitsprüfung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Name does not fit its content</source>
        <translation>Name passt nicht zum Inhalt</translation>
    </message>
    <message>
        <source>Other bytes under a known name</source>
        <translation>Andere Daten unter bekanntem Namen</translation>
    </message>
    <message>
        <source>Key grant refused</source>
        <translation>Schlüsselfreigabe abgelehnt</translation>
    </message>
    <message>
        <source>Certificate authority share refused</source>
        <translation>Weitergabe des Schlüssels der Zertifizierungsstelle abgelehnt</translation>
    </message>
    <message>
        <source>History rewritten</source>
        <translation>Verlauf umgeschrieben</translation>
    </message>
    <message>
        <source>Files removed</source>
        <translation>Dateien entfernt</translation>
    </message>
    <message>
        <source>Refused file</source>
        <translation>Abgelehnte Datei</translation>
    </message>
    <message>
        <source>Sync alarms</source>
        <translation>Alarme der Synchronisation</translation>
    </message>
    <message>
        <source>What syncs found wrong on the shared repository</source>
        <translation>Was die Synchronisation im gemeinsamen Repository beanstandet hat</translation>
    </message>
    <message>
        <source>Nothing in this notebook was changed or lost: Quire kept its own records and did not take in these files. An alarm stays red, and every sync reports it, until an admin has looked at it and acknowledged it with a reason.</source>
        <translation>In diesem Laborbuch wurde nichts verändert und nichts ging verloren: Quire hat seine eigenen Datensätze behalten und diese Dateien nicht übernommen. Ein Alarm bleibt rot und wird bei jeder Synchronisation gemeldet, bis ein Administrator ihn geprüft und mit einer Begründung bestätigt hat.</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>What you found, e.g. a test push by the lab&apos;s IT</source>
        <translation>Was Sie festgestellt haben, z. B. ein Test der Labor-IT</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>By %1, %2: %3</source>
        <translation>Von %1, %2: %3</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Noch nicht</translation>
    </message>
    <message>
        <source>Records that you have looked at this, with your reason; every member&apos;s notebook sees it after their next sync.</source>
        <translation>Hält mit Ihrer Begründung fest, dass Sie dies geprüft haben; jedes Mitglied sieht es nach seiner nächsten Synchronisation.</translation>
    </message>
    <message>
        <source>Only an admin of this notebook can acknowledge an alarm.</source>
        <translation>Nur ein Administrator dieses Laborbuchs kann einen Alarm bestätigen.</translation>
    </message>
</context>
<context>
    <name>quire::widgets::ApproveRequestDialog</name>
    <message>
        <source>Approve a join request</source>
        <translation>Beitrittsanfrage genehmigen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <source>Before you approve, phone %1 on a number you already know — not one from the message that brought this file — and ask them to read out the code Quire showed them. It must be exactly this:</source>
        <translation>Rufen Sie %1 vor dem Genehmigen unter einer Nummer an, die Sie bereits kennen – nicht unter einer aus der Nachricht, mit der diese Datei kam –, und lassen Sie sich den Code vorlesen, den Quire dort angezeigt hat. Er muss genau so lauten:</translation>
    </message>
    <message>
        <source>Comparison code</source>
        <translation>Vergleichscode</translation>
    </message>
    <message>
        <source>If the code differs, do not approve: someone may have changed the file on its way to you.</source>
        <translation>Wenn der Code abweicht, genehmigen Sie nicht: Jemand könnte die Datei auf dem Weg zu Ihnen verändert haben.</translation>
    </message>
    <message>
        <source>%1 read out exactly this code to me</source>
        <translation>%1 hat mir genau diesen Code vorgelesen</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>&amp;Genehmigen</translation>
    </message>
    <message>
        <source>First compare the code by phone</source>
        <translation>Vergleichen Sie zuerst den Code am Telefon</translation>
    </message>
    <message>
        <source>Choose at least one role</source>
        <translation>Wählen Sie mindestens eine Rolle</translation>
    </message>
</context>
<context>
    <name>quire::widgets::AttachmentPanel</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>no files</source>
        <translation>keine Dateien</translation>
    </message>
    <message>
        <source>%1
%2, %3</source>
        <translation>%1
%2, %3</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Angehängte Dateien</translation>
    </message>
    <message>
        <source>Attached files (%1)</source>
        <translation>Angehängte Dateien (%1)</translation>
    </message>
    <message>
        <source>Files are kept with an entry. This experiment has no entries yet.</source>
        <translation>Dateien werden bei einem Eintrag abgelegt. Dieses Experiment hat noch keine Einträge.</translation>
    </message>
    <message>
        <source>No files yet. Choose an entry below and Add file…, or drop files on it.</source>
        <translation>Noch keine Dateien. Wählen Sie unten einen Eintrag und dann „Datei hinzufügen…“, oder ziehen Sie Dateien darauf.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>SHA-256 of the whole file:
%1</source>
        <translation>SHA-256 der ganzen Datei:
%1</translation>
    </message>
    <message>
        <source>No preview for this kind of file. Open shows it in the program your computer uses for it.</source>
        <translation>Für diese Art von Datei gibt es keine Vorschau. „Öffnen“ zeigt sie in dem Programm, das Ihr Computer dafür verwendet.</translation>
    </message>
    <message>
        <source>The preview is shown when Quire has finished its work.</source>
        <translation>Die Vorschau erscheint, sobald Quire seine Arbeit beendet hat.</translation>
    </message>
    <message>
        <source>No preview: %1</source>
        <translation>Keine Vorschau: %1</translation>
    </message>
    <message>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <source>The only page</source>
        <translation>Einzige Seite</translation>
    </message>
    <message>
        <source>SHA-256 copied.</source>
        <translation>SHA-256 kopiert.</translation>
    </message>
    <message>
        <source>Save a copy of “%1”</source>
        <translation>Eine Kopie von „%1“ speichern</translation>
    </message>
    <message>
        <source>there is no private folder to open files from</source>
        <translation>es gibt keinen privaten Ordner, aus dem Dateien geöffnet werden können</translation>
    </message>
    <message>
        <source>could not make the folder %1</source>
        <translation>der Ordner %1 konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Opening “%1”…</source>
        <translation>„%1“ wird geöffnet…</translation>
    </message>
    <message>
        <source>Saving “%1”…</source>
        <translation>„%1“ wird gespeichert…</translation>
    </message>
    <message>
        <source>Opened a private copy; it is removed when the notebook is locked.</source>
        <translation>Eine private Kopie wurde geöffnet; sie wird entfernt, wenn das Laborbuch gesperrt wird.</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
    <message>
        <source>Hide the attached files</source>
        <translation>Angehängte Dateien ausblenden</translation>
    </message>
    <message>
        <source>Attached files, by entry</source>
        <translation>Angehängte Dateien, nach Eintrag</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Copy SHA-256</source>
        <translation>SHA-256 kopieren</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open a private copy in the program your computer uses for this kind of file</source>
        <translation>Eine private Kopie in dem Programm öffnen, das Ihr Computer für diese Art von Datei verwendet</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>&amp;Kopie speichern…</translation>
    </message>
    <message>
        <source>Write the file somewhere else, checked against its SHA-256</source>
        <translation>Die Datei an einem anderen Ort speichern, geprüft anhand ihres SHA-256-Werts</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorige Seite</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>&amp;Add file…</source>
        <translation>Datei &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Attach a file to the chosen entry</source>
        <translation>Eine Datei an den gewählten Eintrag anhängen</translation>
    </message>
    <message>
        <source>Or drop files here: they go to the entry under the pointer.</source>
        <translation>Oder Dateien hierher ziehen – sie werden an den Eintrag unter dem Mauszeiger angehängt.</translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::AuditTrailDialog</name>
    <message>
        <source>Recorded %1 (UTC)</source>
        <translation>Aufgezeichnet am %1 (UTC)</translation>
    </message>
    <message>
        <source>%1
Record %2</source>
        <translation>%1
Aufzeichnung %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>The audit trail could not be read: %1</source>
        <translation>Der Prüfpfad konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>%1 von %2 Ereignissen</translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Audit trail %1 %2.csv</source>
        <translation>Prüfpfad %1 %2.csv</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Prüfpfad exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Ungültig gemacht</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signiert</translation>
    </message>
    <message>
        <source>Time attested</source>
        <translation>Zeit bestätigt</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Entsperrt</translation>
    </message>
    <message>
        <source>Failed unlock</source>
        <translation>Entsperren fehlgeschlagen</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Passphrase geändert</translation>
    </message>
    <message>
        <source>Clock went back</source>
        <translation>Uhr zurückgesprungen</translation>
    </message>
    <message>
        <source>Failed signing</source>
        <translation>Signieren fehlgeschlagen</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Einstellungen geändert</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Prüfpfad</translation>
    </message>
    <message>
        <source>Audit trail of “%1”</source>
        <translation>Prüfpfad von „%1“</translation>
    </message>
    <message>
        <source>Everything that was recorded in this notebook, and by whom: new and changed entries, signatures, unlocks and failed attempts. Nothing here can be changed or removed.</source>
        <translation>Alles, was in diesem Laborbuch aufgezeichnet wurde, und von wem: neue und geänderte Einträge, Signaturen, Entsperrungen und Fehlversuche. Nichts hiervon kann geändert oder entfernt werden.</translation>
    </message>
    <message>
        <source>Filter by words, names or record</source>
        <translation>Nach Wörtern, Namen oder Aufzeichnung filtern</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Aktion:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;to:</source>
        <translation>&amp;bis:</translation>
    </message>
    <message>
        <source>Reading the audit trail…</source>
        <translation>Prüfpfad wird gelesen…</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Save the events shown, oldest first, as a spreadsheet file</source>
        <translation>Die angezeigten Ereignisse, älteste zuerst, als Tabellendatei speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events saved to %1</source>
        <translation>
            <numerusform>%n Ereignis gespeichert unter %1</numerusform>
            <numerusform>%n Ereignisse gespeichert unter %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::CommentDialog</name>
    <message>
        <source>Add comment</source>
        <translation>Kommentar hinzufügen</translation>
    </message>
    <message>
        <source>Comment on “%1”</source>
        <translation>Kommentar zu „%1“</translation>
    </message>
    <message>
        <source>On version %1 by %2. Everyone in the notebook reads it under the entry with your name and the time. A comment is kept as written; to correct it, add another one.</source>
        <translation>Zu Version %1 von %2. Alle im Notizbuch lesen ihn unter dem Eintrag, mit Ihrem Namen und der Zeit. Ein Kommentar bleibt, wie er geschrieben wurde; um ihn zu berichtigen, fügen Sie einen weiteren hinzu.</translation>
    </message>
    <message>
        <source>e.g. Please repeat with a negative control.</source>
        <translation>z. B. Bitte mit einer Negativkontrolle wiederholen.</translation>
    </message>
    <message>
        <source>&amp;Request changes</source>
        <translation>Änderungen &amp;erbitten</translation>
    </message>
    <message>
        <source>The entry waits in its author&apos;s “Waiting for me” until they save a new version.</source>
        <translation>Der Eintrag wartet unter „Wartet auf mich“ seiner Autorin oder seines Autors, bis eine neue Version gespeichert ist.</translation>
    </message>
    <message>
        <source>&amp;Add comment</source>
        <translation>Kommentar &amp;hinzufügen</translation>
    </message>
    <message>
        <source>The comment was not saved</source>
        <translation>Der Kommentar wurde nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>quire::widgets::ConflictDialog</name>
    <message>
        <source>This entry is not in conflict (any more).</source>
        <translation>Dieser Eintrag steht nicht (mehr) im Konflikt.</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3</source>
        <translation>Version %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Shown on every computer</source>
        <translation>Auf jedem Computer gezeigt</translation>
    </message>
    <message>
        <source>The other version</source>
        <translation>Die andere Version</translation>
    </message>
    <message>
        <source>the entry is not in conflict</source>
        <translation>der Eintrag steht nicht im Konflikt</translation>
    </message>
    <message>
        <source>The conflict was not resolved</source>
        <translation>Der Konflikt wurde nicht aufgelöst</translation>
    </message>
    <message>
        <source>Versions in conflict</source>
        <translation>Versionen im Konflikt</translation>
    </message>
    <message numerus="yes">
        <source>“%1”: %n versions in conflict</source>
        <translation>
            <numerusform>„%1“: %n Version im Konflikt</numerusform>
            <numerusform>„%1“: %n Versionen im Konflikt</numerusform>
        </translation>
    </message>
    <message>
        <source>This entry was changed on two computers before they synced, so it has more than one latest version. Every version is kept. Until the author resolves the conflict, every computer shows the one on the left.</source>
        <translation>Dieser Eintrag wurde auf zwei Computern geändert, bevor sie synchronisiert wurden, und hat darum mehr als eine neueste Version. Jede Version bleibt erhalten. Bis der Autor den Konflikt auflöst, zeigt jeder Computer die linke.</translation>
    </message>
    <message>
        <source>Compare &amp;with:</source>
        <translation>Vergleichen &amp;mit:</translation>
    </message>
    <message>
        <source>Version %1 · %2</source>
        <translation>Version %1 · %2</translation>
    </message>
    <message>
        <source>The versions in conflict, side by side</source>
        <translation>Die Versionen im Konflikt, nebeneinander</translation>
    </message>
    <message>
        <source>Resolve the conflict</source>
        <translation>Den Konflikt auflösen</translation>
    </message>
    <message>
        <source>Keep the text on the left</source>
        <translation>Den linken Text behalten</translation>
    </message>
    <message>
        <source>Keep the text on the right</source>
        <translation>Den rechten Text behalten</translation>
    </message>
    <message>
        <source>Keep both texts, the left one first (edit the entry afterwards to join them)</source>
        <translation>Beide Texte behalten, den linken zuerst (bearbeiten Sie den Eintrag danach, um sie zusammenzuführen)</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>Why this text, for the record</source>
        <translation>Warum dieser Text, für die Aufzeichnung</translation>
    </message>
    <message>
        <source>&amp;Save resolution</source>
        <translation>Auflösung &amp;speichern</translation>
    </message>
    <message>
        <source>Saves a version that joins every version in conflict; once synced, the conflict is gone on every computer</source>
        <translation>Speichert eine Version, die jede Version im Konflikt zusammenführt; nach der Synchronisation ist der Konflikt auf jedem Computer verschwunden</translation>
    </message>
</context>
<context>
    <name>quire::widgets::CreateNotebookDialog</name>
    <message>
        <source>Create notebook</source>
        <translation>Laborbuch anlegen</translation>
    </message>
    <message>
        <source>Create your notebook</source>
        <translation>Legen Sie Ihr Laborbuch an</translation>
    </message>
    <message>
        <source>Quire keeps the notebook, encrypted, in %1</source>
        <translation>Quire speichert das Laborbuch verschlüsselt in %1</translation>
    </message>
    <message>
        <source>&amp;Notebook name:</source>
        <translation>Name des &amp;Laborbuchs:</translation>
    </message>
    <message>
        <source>e.g. Protein lab 2026</source>
        <translation>z. B. Proteinlabor 2026</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>&amp;Ihr Name:</translation>
    </message>
    <message>
        <source>As it should appear on entries</source>
        <translation>So, wie er bei Einträgen erscheinen soll</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>name@institute.org</source>
        <translation>name@institut.de</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>Mindestens %1 Zeichen</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase:</source>
        <translation>Passphrase &amp;wiederholen:</translation>
    </message>
    <message>
        <source>The passphrase unlocks the notebook on this computer. Nobody can recover it for you. Once the notebook is made you get a recovery code: keep it on paper, it brings your notebook back if the passphrase or this computer is lost.</source>
        <translation>Die Passphrase entsperrt das Laborbuch auf diesem Computer. Niemand kann sie für Sie wiederherstellen. Sobald das Laborbuch angelegt ist, erhalten Sie einen Wiederherstellungscode: Bewahren Sie ihn auf Papier auf; er holt Ihr Laborbuch zurück, wenn die Passphrase oder dieser Computer verloren ist.</translation>
    </message>
    <message>
        <source>Creating the notebook…</source>
        <translation>Laborbuch wird angelegt…</translation>
    </message>
    <message>
        <source>&amp;Create notebook</source>
        <translation>Laborbuch &amp;anlegen</translation>
    </message>
    <message>
        <source>Give the notebook a name.</source>
        <translation>Geben Sie dem Laborbuch einen Namen.</translation>
    </message>
    <message>
        <source>Enter your name; it is recorded with everything you write.</source>
        <translation>Geben Sie Ihren Namen ein; er wird mit allem aufgezeichnet, was Sie schreiben.</translation>
    </message>
    <message>
        <source>Enter an email address, such as name@institute.org.</source>
        <translation>Geben Sie eine E-Mail-Adresse ein, etwa name@institut.de.</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters; a few words in a row work well.</source>
        <translation>Die Passphrase braucht mindestens %1 Zeichen; einige Wörter hintereinander eignen sich gut.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type the passphrase again.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein. Geben Sie die Passphrase noch einmal ein.</translation>
    </message>
    <message>
        <source>I already use this notebook on another computer…</source>
        <translation>Ich verwende dieses Laborbuch schon auf einem anderen Computer…</translation>
    </message>
    <message>
        <source>Quire keeps the notebook, encrypted, in a folder of its own.</source>
        <translation>Quire speichert das Laborbuch verschlüsselt in einem eigenen Ordner.</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Folder for the new notebook</source>
        <translation>Ordner für das neue Laborbuch</translation>
    </message>
    <message>
        <source>Choose a folder that holds no notebook yet.</source>
        <translation>Wählen Sie einen Ordner, in dem noch kein Laborbuch liegt.</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. %1</source>
        <translation>Diese Passphrase ist zu leicht zu erraten. %1</translation>
    </message>
</context>
<context>
    <name>quire::widgets::DataPanel</name>
    <message>
        <source>Choose a data file under Files to see it here.</source>
        <translation>Wählen Sie unter „Dateien“ eine Datendatei, um sie hier zu sehen.</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Die Datei wird gelesen…</translation>
    </message>
    <message>
        <source>No plot: %1</source>
        <translation>Kein Diagramm: %1</translation>
    </message>
    <message>
        <source>That file cannot be laid over: %1</source>
        <translation>Diese Datei kann nicht überlagert werden: %1</translation>
    </message>
    <message>
        <source>The file holds no series.</source>
        <translation>Die Datei enthält keine Datenreihe.</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Datenreihe</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n points</source>
        <translation>
            <numerusform>%1: %n Punkt</numerusform>
            <numerusform>%1: %n Punkte</numerusform>
        </translation>
    </message>
    <message>
        <source>Lay another file over…</source>
        <translation>Weitere Datei überlagern…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Show all of the data again. Zoom with the mouse wheel or by dragging a rectangle; pan with the middle button or the arrow keys.</source>
        <translation>Wieder alle Daten zeigen. Zoomen Sie mit dem Mausrad oder durch Aufziehen eines Rechtecks; verschieben Sie mit der mittleren Maustaste oder den Pfeiltasten.</translation>
    </message>
    <message>
        <source>Remove overlays</source>
        <translation>Überlagerungen entfernen</translation>
    </message>
    <message>
        <source>Draw another data file of this page in the same plot</source>
        <translation>Eine weitere Datendatei dieser Seite im selben Diagramm zeichnen</translation>
    </message>
    <message>
        <source>&amp;Insert plot into entry</source>
        <translation>Diagramm in Eintrag &amp;einfügen</translation>
    </message>
    <message>
        <source>Keep this plot as a picture in the file&apos;s entry, with a caption naming the data file and its SHA-256</source>
        <translation>Dieses Diagramm als Bild im Eintrag der Datei ablegen, mit einer Bildunterschrift, die die Datendatei und ihren SHA-256 nennt</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>What the file says about itself</source>
        <translation>Was die Datei über sich selbst angibt</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Taking “%1” out of the notebook: %2 % of %3</source>
        <translation>„%1“ wird aus dem Laborbuch gelesen: %2 % von %3</translation>
    </message>
    <message>
        <source>Reading the data of “%1”: %2 % of %3</source>
        <translation>Die Daten von „%1“ werden gelesen: %2 % von %3</translation>
    </message>
    <message>
        <source>Reading was stopped. Choose the file again to read it.</source>
        <translation>Das Lesen wurde angehalten. Wählen Sie die Datei erneut, um sie zu lesen.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop reading this file</source>
        <translation>Das Lesen dieser Datei anhalten</translation>
    </message>
</context>
<context>
    <name>quire::widgets::DetailsPanel</name>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Signatures</source>
        <translation>Signaturen</translation>
    </message>
    <message>
        <source>Choose an entry to see its signatures.</source>
        <translation>Wählen Sie einen Eintrag, um seine Signaturen zu sehen.</translation>
    </message>
    <message>
        <source>Version %1 of “%2”</source>
        <translation>Version %1 von „%2“</translation>
    </message>
    <message>
        <source>An earlier version of this entry was signed; its signatures stay with that version. This version is an amendment.</source>
        <translation>Eine frühere Version dieses Eintrags wurde signiert; ihre Signaturen bleiben bei jener Version. Diese Version ist eine Nachtragsänderung.</translation>
    </message>
    <message>
        <source>time not yet attested</source>
        <translation>Zeit noch nicht bestätigt</translation>
    </message>
    <message>
        <source>time attested %1</source>
        <translation>Zeit bestätigt am %1</translation>
    </message>
    <message>
        <source>time attested %1 by an authority not trusted here</source>
        <translation>Zeit bestätigt am %1 durch einen hier nicht vertrauenswürdigen Dienst</translation>
    </message>
    <message>
        <source>Not valid: %1</source>
        <translation>Nicht gültig: %1</translation>
    </message>
    <message>
        <source>it does not verify</source>
        <translation>die Prüfung schlägt fehl</translation>
    </message>
    <message>
        <source>This entry was voided; it is not signed any more.</source>
        <translation>Dieser Eintrag wurde ungültig gemacht; er wird nicht mehr signiert.</translation>
    </message>
    <message>
        <source>No one has signed version %1 yet.</source>
        <translation>Version %1 hat noch niemand signiert.</translation>
    </message>
    <message>
        <source>Choose an entry to see its versions.</source>
        <translation>Wählen Sie einen Eintrag, um seine Versionen zu sehen.</translation>
    </message>
    <message>
        <source>The versions are shown once the notebook has finished the task it is busy with.</source>
        <translation>Die Versionen erscheinen, sobald das Laborbuch seine laufende Aufgabe beendet hat.</translation>
    </message>
    <message>
        <source>The versions could not be read: %1</source>
        <translation>Die Versionen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>First version</source>
        <translation>Erste Version</translation>
    </message>
    <message>
        <source>Voided: %1</source>
        <translation>Ungültig gemacht: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n signatures</source>
        <translation>
            <numerusform>%n Signatur</numerusform>
            <numerusform>%n Signaturen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Select a version and choose “Show changes…” to see it beside the one before.</source>
        <translation>Wählen Sie eine Version und dann „Änderungen zeigen…“, um sie neben der vorigen zu sehen.</translation>
    </message>
    <message>
        <source>Files (%1)</source>
        <translation>Dateien (%1)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Signatures (%1)</source>
        <translation>Signaturen (%1)</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>Verlauf (%1)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;Entry:</source>
        <translation>&amp;Eintrag:</translation>
    </message>
    <message>
        <source>The entry the tabs below are about; a click on an entry&apos;s title on the page chooses it too</source>
        <translation>Der Eintrag, um den es in den Registerkarten darunter geht; ein Klick auf den Titel eines Eintrags auf der Seite wählt ihn ebenfalls</translation>
    </message>
    <message>
        <source>Hide this panel</source>
        <translation>Diesen Bereich ausblenden</translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation>&amp;Signieren…</translation>
    </message>
    <message>
        <source>Sign this version of the entry with your electronic signature</source>
        <translation>Diese Version des Eintrags mit Ihrer elektronischen Signatur signieren</translation>
    </message>
    <message>
        <source>Export &amp;evidence…</source>
        <translation>&amp;Nachweis exportieren…</translation>
    </message>
    <message>
        <source>Save what an independent check of the chosen signature needs</source>
        <translation>Alles speichern, was für eine unabhängige Prüfung der gewählten Signatur nötig ist</translation>
    </message>
    <message>
        <source>Signatures of this version</source>
        <translation>Signaturen dieser Version</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved, by whom and why</source>
        <translation>Gespeichert, von wem und warum</translation>
    </message>
    <message>
        <source>Versions of this entry</source>
        <translation>Versionen dieses Eintrags</translation>
    </message>
    <message>
        <source>Show &amp;changes…</source>
        <translation>Än&amp;derungen zeigen…</translation>
    </message>
    <message>
        <source>The chosen version beside the one before it, changes marked</source>
        <translation>Die gewählte Version neben der vorigen, mit markierten Änderungen</translation>
    </message>
    <message>
        <source>No entry to show yet</source>
        <translation>Noch kein Eintrag zum Anzeigen</translation>
    </message>
    <message>
        <source>An entry&apos;s files, signatures and versions appear here. Write the experiment&apos;s first entry with “New entry”.</source>
        <translation>Hier erscheinen Dateien, Signaturen und Versionen eines Eintrags. Schreiben Sie den ersten Eintrag des Experiments mit „Neuer Eintrag“.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>The chosen file as instrument data: its details and a plot</source>
        <translation>Die gewählte Datei als Gerätedaten: ihre Angaben und ein Diagramm</translation>
    </message>
    <message>
        <source>Files, signatures, versions and data of the entry</source>
        <translation>Dateien, Signaturen, Versionen und Daten des Eintrags</translation>
    </message>
</context>
<context>
    <name>quire::widgets::ElnExportDialog</name>
    <message>
        <source>Export as .eln</source>
        <translation>Als .eln exportieren</translation>
    </message>
    <message>
        <source>Export experiments as a .eln file</source>
        <translation>Experimente als .eln-Datei exportieren</translation>
    </message>
    <message>
        <source>A .eln file is read by other electronic lab notebooks (eLabFTW, RSpace, Kadi4Mat and others): experiments and entries with their text, files, authors, tags and signatures. It also carries the sealed records, signatures and time-stamps, so that Quire can check it wherever it goes.</source>
        <translation>Eine .eln-Datei lesen auch andere elektronische Laborbücher (eLabFTW, RSpace, Kadi4Mat und andere): Experimente und Einträge mit Text, Dateien, Autoren, Schlagwörtern und Signaturen. Sie enthält außerdem die versiegelten Datensätze, Signaturen und Zeitstempel, damit Quire sie überall prüfen kann.</translation>
    </message>
    <message>
        <source>&amp;All experiments</source>
        <translation>&amp;Alle Experimente</translation>
    </message>
    <message>
        <source>&amp;Chosen experiments:</source>
        <translation>Ausge&amp;wählte Experimente:</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>&amp;Speichern als:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>The .eln file is ready</source>
        <translation>Die .eln-Datei ist fertig</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Im &amp;Ordner zeigen</translation>
    </message>
    <message>
        <source>.eln files (*.eln)</source>
        <translation>.eln-Dateien (*.eln)</translation>
    </message>
    <message>
        <source>Choose at least one experiment to export.</source>
        <translation>Wählen Sie mindestens ein Experiment zum Exportieren.</translation>
    </message>
    <message>
        <source>Choose where the .eln file is saved.</source>
        <translation>Wählen Sie, wo die .eln-Datei gespeichert wird.</translation>
    </message>
    <message>
        <source>Reading the experiments…</source>
        <translation>Die Experimente werden gelesen…</translation>
    </message>
    <message>
        <source>Writing the .eln file (%1 of %2)…</source>
        <translation>Die .eln-Datei wird geschrieben (%1 von %2)…</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>Der Export wurde abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>none with a trusted time-stamp yet</source>
        <translation>noch keiner mit vertrauenswürdigem Zeitstempel</translation>
    </message>
    <message numerus="yes">
        <source>%n with a trusted time-stamp</source>
        <translation>
            <numerusform>%n mit vertrauenswürdigem Zeitstempel</numerusform>
            <numerusform>%n mit vertrauenswürdigem Zeitstempel</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2 and %3 (%4).</source>
        <translation>%1, %2 und %3 (%4).</translation>
    </message>
    <message>
        <source>Quire&apos;s proof inside: %1, %2; %3.</source>
        <translation>Darin der Nachweis von Quire: %1, %2; %3.</translation>
    </message>
    <message numerus="yes">
        <source>(%n entries)</source>
        <translation>
            <numerusform>(%n Eintrag)</numerusform>
            <numerusform>(%n Einträge)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n experiments</source>
        <translation>
            <numerusform>%n Experiment</numerusform>
            <numerusform>%n Experimente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sealed records</source>
        <translation>
            <numerusform>%n versiegelter Datensatz</numerusform>
            <numerusform>%n versiegelte Datensätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signatures</source>
        <translation>
            <numerusform>%n Signatur</numerusform>
            <numerusform>%n Signaturen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::EntryController</name>
    <message>
        <source>The experiment could not be created</source>
        <translation>Das Experiment konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Experiment “%1” created</source>
        <translation>Experiment „%1“ angelegt</translation>
    </message>
    <message>
        <source>This entry cannot be changed</source>
        <translation>Dieser Eintrag kann nicht geändert werden</translation>
    </message>
    <message>
        <source>Version %1 of “%2” saved</source>
        <translation>Version %1 von „%2“ gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>Opened %n texts that were not saved as versions yet.</source>
        <translation>
            <numerusform>%n Text geöffnet, der noch nicht als Version gespeichert war.</numerusform>
            <numerusform>%n Texte geöffnet, die noch nicht als Version gespeichert waren.</numerusform>
        </translation>
    </message>
    <message>
        <source>The entry was not voided</source>
        <translation>Der Eintrag wurde nicht ungültig gemacht</translation>
    </message>
    <message>
        <source>“%1” voided</source>
        <translation>„%1“ ungültig gemacht</translation>
    </message>
</context>
<context>
    <name>quire::widgets::EntryDialog</name>
    <message>
        <source>New entry</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>New entry in “%1”</source>
        <translation>Neuer Eintrag in „%1“</translation>
    </message>
    <message>
        <source>e.g. Calibration of the pH meter</source>
        <translation>z. B. Kalibrierung des pH-Meters</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Why are you changing this entry?</source>
        <translation>&amp;Warum ändern Sie diesen Eintrag?</translation>
    </message>
    <message>
        <source>e.g. corrected the buffer volume</source>
        <translation>z. B. Puffervolumen korrigiert</translation>
    </message>
    <message>
        <source>&amp;Save version</source>
        <translation>Version &amp;speichern</translation>
    </message>
    <message>
        <source>Records the text as a new version with your name and the time (%1)</source>
        <translation>Zeichnet den Text als neue Version mit Ihrem Namen und der Uhrzeit auf (%1)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The entry this text was written for cannot be changed any more: %1 Saving adds the text as a new entry.</source>
        <translation>Der Eintrag, für den dieser Text geschrieben wurde, kann nicht mehr geändert werden: %1 Beim Speichern wird der Text als neuer Eintrag angelegt.</translation>
    </message>
    <message>
        <source>Only the entry&apos;s author can change it; others can comment on it.</source>
        <translation>Nur der Autor des Eintrags kann ihn ändern; andere können ihn kommentieren.</translation>
    </message>
    <message>
        <source>The entry “%1” was voided and cannot be changed.</source>
        <translation>Der Eintrag „%1“ wurde ungültig gemacht und kann nicht mehr geändert werden.</translation>
    </message>
    <message>
        <source>Recovered text you had not saved (from %1). Save a version to record it in the notebook.</source>
        <translation>Wiederhergestellter Text, den Sie nicht gespeichert hatten (Stand: %1). Speichern Sie eine Version, um ihn im Laborbuch aufzuzeichnen.</translation>
    </message>
    <message>
        <source>Saving records this version with your name and the time. While you write, your text is kept every few seconds as an encrypted draft on this computer.</source>
        <translation>Beim Speichern wird diese Version mit Ihrem Namen und der Uhrzeit aufgezeichnet. Während Sie schreiben, wird Ihr Text alle paar Sekunden als verschlüsselter Entwurf auf diesem Computer gesichert.</translation>
    </message>
    <message>
        <source>Edit entry</source>
        <translation>Eintrag bearbeiten</translation>
    </message>
    <message>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <source>In “%1”, version %2. Saving records the next version with your name, the time and your reason; every earlier version stays in the history.</source>
        <translation>In „%1“, Version %2. Beim Speichern wird die nächste Version mit Ihrem Namen, der Uhrzeit und Ihrer Begründung aufgezeichnet; jede frühere Version bleibt im Verlauf erhalten.</translation>
    </message>
    <message>
        <source>You signed version %1 of this entry. A change is saved as an amendment: the entry is shown as changed after signing, and your signature stays with the version you signed. Say below why you are changing it.</source>
        <translation>Sie haben Version %1 dieses Eintrags signiert. Eine Änderung wird als Änderung nach Signatur gespeichert: Der Eintrag wird als „nach dem Signieren geändert“ angezeigt, und Ihre Signatur bleibt bei der Version, die Sie signiert haben. Geben Sie unten an, warum Sie ihn ändern.</translation>
    </message>
    <message>
        <source>This entry changed after your text was started: version %1 was saved by %2 on %3, and your text does not include that change. Saving makes your text version %4; version %1 stays in the history.</source>
        <translation>Dieser Eintrag wurde geändert, nachdem Sie mit Ihrem Text begonnen hatten: Version %1 wurde von %2 am %3 gespeichert, und Ihr Text enthält diese Änderung nicht. Beim Speichern wird Ihr Text zu Version %4; Version %1 bleibt im Verlauf erhalten.</translation>
    </message>
    <message>
        <source>Your text could not be kept as a draft: %1</source>
        <translation>Ihr Text konnte nicht als Entwurf gesichert werden: %1</translation>
    </message>
    <message>
        <source>Draft kept at %1, not yet saved as a version</source>
        <translation>Entwurf um %1 gesichert, noch nicht als Version gespeichert</translation>
    </message>
    <message>
        <source>The notebook is locked. Unlock it to save; your text is kept as a draft.</source>
        <translation>Das Laborbuch ist gesperrt. Entsperren Sie es, um zu speichern; Ihr Text bleibt als Entwurf erhalten.</translation>
    </message>
    <message>
        <source>Nothing was saved: the entry needs a title.</source>
        <translation>Nichts wurde gespeichert: Der Eintrag braucht einen Titel.</translation>
    </message>
    <message>
        <source>Nothing was saved: this entry is signed, so a change is an amendment and needs a reason. Write in the field above why you are changing it, then save again.</source>
        <translation>Nichts wurde gespeichert: Dieser Eintrag ist signiert, daher gilt jede Änderung als Änderung nach Signatur und braucht eine Begründung. Schreiben Sie in das Feld oben, warum Sie ihn ändern, und speichern Sie dann erneut.</translation>
    </message>
    <message>
        <source>Nothing was saved: a change to an entry needs a reason. Write in the field above why you are changing it, then save again.</source>
        <translation>Nichts wurde gespeichert: Eine Änderung an einem Eintrag braucht eine Begründung. Schreiben Sie in das Feld oben, warum Sie ihn ändern, und speichern Sie dann erneut.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Waiting for the notebook to finish another task…</source>
        <translation>Warten, bis das Laborbuch eine andere Aufgabe beendet hat…</translation>
    </message>
    <message>
        <source>The notebook was locked before the version was saved.</source>
        <translation>Das Laborbuch wurde gesperrt, bevor die Version gespeichert war.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Version %1 saved at %2</source>
        <translation>Version %1 um %2 gespeichert</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Nicht gespeicherte Änderungen</translation>
    </message>
    <message>
        <source>This entry has changes that are not saved as a version.</source>
        <translation>Dieser Eintrag hat Änderungen, die nicht als Version gespeichert sind.</translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved as a version.</source>
        <translation>„%1“ hat Änderungen, die nicht als Version gespeichert sind.</translation>
    </message>
    <message>
        <source>“Keep as draft” keeps your text encrypted on this computer only; it opens again the next time you unlock the notebook.</source>
        <translation>„Als Entwurf behalten“ bewahrt Ihren Text verschlüsselt nur auf diesem Computer auf; er öffnet sich wieder, wenn Sie das Laborbuch das nächste Mal entsperren.</translation>
    </message>
    <message>
        <source>“Keep as draft” keeps your text encrypted on this computer only; it opens again when you next edit this entry or unlock the notebook.</source>
        <translation>„Als Entwurf behalten“ bewahrt Ihren Text verschlüsselt nur auf diesem Computer auf; er öffnet sich wieder, wenn Sie diesen Eintrag das nächste Mal bearbeiten oder das Laborbuch entsperren.</translation>
    </message>
    <message>
        <source>Keep as draft</source>
        <translation>Als Entwurf behalten</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <source>The draft could not be removed: %1</source>
        <translation>Der Entwurf konnte nicht entfernt werden: %1</translation>
    </message>
    <message>
        <source>The notebook is busy with another task; add the image again in a moment.</source>
        <translation>Das Laborbuch ist mit einer anderen Aufgabe beschäftigt; fügen Sie das Bild gleich noch einmal ein.</translation>
    </message>
    <message>
        <source>The image could not be added: %1</source>
        <translation>Das Bild konnte nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>To save it, give the entry a title.</source>
        <translation>Um ihn zu speichern, geben Sie dem Eintrag einen Titel.</translation>
    </message>
    <message>
        <source>A change to an entry is saved with the reason for it: write the reason in the field at the bottom to save it.</source>
        <translation>Eine Änderung eines Eintrags wird mit ihrer Begründung gespeichert: Schreiben Sie die Begründung in das Feld unten, um sie zu speichern.</translation>
    </message>
    <message>
        <source>Add a title</source>
        <translation>Titel eingeben</translation>
    </message>
    <message>
        <source>Write the reason</source>
        <translation>Begründung schreiben</translation>
    </message>
    <message>
        <source>Insert &amp;template…</source>
        <translation>&amp;Vorlage einfügen…</translation>
    </message>
    <message>
        <source>Insert one of the notebook&apos;s entry templates where the cursor is</source>
        <translation>Eine Eintragsvorlage des Notizbuchs an der Cursorposition einfügen</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message numerus="yes">
        <source>%n files will be saved with this entry&apos;s next version: %1</source>
        <translation>
            <numerusform>%n Datei wird mit der nächsten Version dieses Eintrags gespeichert: %1</numerusform>
            <numerusform>%n Dateien werden mit der nächsten Version dieses Eintrags gespeichert: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::EntryEditor</name>
    <message>
        <source>Write your entry…</source>
        <translation>Schreiben Sie Ihren Eintrag…</translation>
    </message>
    <message>
        <source>Entry text</source>
        <translation>Text des Eintrags</translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation>Formatierung</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Normaler Text</translation>
    </message>
    <message>
        <source>Heading 1</source>
        <translation>Überschrift 1</translation>
    </message>
    <message>
        <source>Heading 2</source>
        <translation>Überschrift 2</translation>
    </message>
    <message>
        <source>Heading 3</source>
        <translation>Überschrift 3</translation>
    </message>
    <message>
        <source>Heading 4</source>
        <translation>Überschrift 4</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Fett</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <source>Underline</source>
        <translation>Unterstrichen</translation>
    </message>
    <message>
        <source>Strikethrough</source>
        <translation>Durchgestrichen</translation>
    </message>
    <message>
        <source>Subscript</source>
        <translation>Tiefgestellt</translation>
    </message>
    <message>
        <source>Superscript</source>
        <translation>Hochgestellt</translation>
    </message>
    <message>
        <source>Inline code</source>
        <translation>Code im Text</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Aufzählung</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Nummerierte Liste</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <source>Code block</source>
        <translation>Codeblock</translation>
    </message>
    <message>
        <source>Horizontal line</source>
        <translation>Horizontale Linie</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>Formel</translation>
    </message>
    <message>
        <source>Insert image…</source>
        <translation>Bild einfügen…</translation>
    </message>
    <message>
        <source>Insert table</source>
        <translation>Tabelle einfügen</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Row above</source>
        <translation>Zeile oberhalb</translation>
    </message>
    <message>
        <source>Row below</source>
        <translation>Zeile unterhalb</translation>
    </message>
    <message>
        <source>Delete row</source>
        <translation>Zeile löschen</translation>
    </message>
    <message>
        <source>Column left</source>
        <translation>Spalte links</translation>
    </message>
    <message>
        <source>Column right</source>
        <translation>Spalte rechts</translation>
    </message>
    <message>
        <source>Delete column</source>
        <translation>Spalte löschen</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Kopfzeile</translation>
    </message>
    <message>
        <source>Delete table</source>
        <translation>Tabelle löschen</translation>
    </message>
    <message>
        <source>Link address</source>
        <translation>Linkadresse</translation>
    </message>
    <message>
        <source>A link can lead to a web page (http, https), an e-mail address (mailto) or a notebook entry (quire).</source>
        <translation>Ein Link kann zu einer Webseite (http, https), einer E-Mail-Adresse (mailto) oder einem Eintrag im Laborbuch (quire) führen.</translation>
    </message>
    <message>
        <source>Formula (TeX)</source>
        <translation>Formel (TeX)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The image could not be stored.</source>
        <translation>Das Bild konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>The image is larger than 20 MB; attach it to the entry as a file.</source>
        <translation>Das Bild ist größer als 20 MB; hängen Sie es als Datei an den Eintrag an.</translation>
    </message>
    <message>
        <source>Only PNG, JPEG, GIF, WebP and BMP images can be placed in the text; attach other files to the entry.</source>
        <translation>Nur PNG-, JPEG-, GIF-, WebP- und BMP-Bilder können in den Text eingefügt werden; hängen Sie andere Dateien an den Eintrag an.</translation>
    </message>
</context>
<context>
    <name>quire::widgets::EntryPageRenderer</name>
    <message>
        <source>No entries yet</source>
        <translation>Noch keine Einträge</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Started by %1</source>
        <translation>Begonnen von %1</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Ungültig gemacht</translation>
    </message>
    <message>
        <source>No reason was recorded.</source>
        <translation>Es wurde keine Begründung aufgezeichnet.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Begründung: %1</translation>
    </message>
    <message>
        <source>Changed in version %1: %2</source>
        <translation>Geändert in Version %1: %2</translation>
    </message>
    <message>
        <source>Changed after signing.</source>
        <translation>Nach dem Signieren geändert.</translation>
    </message>
    <message>
        <source>An earlier version of this entry was signed; its signatures stay with that version, not with this one.</source>
        <translation>Eine frühere Version dieses Eintrags wurde signiert; ihre Signaturen bleiben bei jener Version, nicht bei dieser.</translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation>Version %1 von %2</translation>
    </message>
    <message>
        <source>Sign version %1 of this entry</source>
        <translation>Version %1 dieses Eintrags signieren</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>Signieren…</translation>
    </message>
    <message>
        <source>Recorded %1 (UTC)</source>
        <translation>Aufgezeichnet am %1 (UTC)</translation>
    </message>
    <message>
        <source>No trusted time-stamp authority has vouched for this time yet; the time shown comes from the computer&apos;s clock. It is attested at the next sync with a time-stamp authority.</source>
        <translation>Noch hat kein vertrauenswürdiger Zeitstempeldienst diese Zeit bestätigt; die angezeigte Zeit stammt von der Uhr des Computers. Die Bestätigung erfolgt bei der nächsten Synchronisation mit einem Zeitstempeldienst.</translation>
    </message>
    <message>
        <source>Time not yet attested</source>
        <translation>Zeit noch nicht bestätigt</translation>
    </message>
    <message>
        <source>A time-stamp authority this notebook does not trust attested this time (%1 UTC).</source>
        <translation>Ein Zeitstempeldienst, dem dieses Laborbuch nicht vertraut, hat diese Zeit bestätigt (%1 UTC).</translation>
    </message>
    <message>
        <source>Time attested at %1 by an authority not trusted here</source>
        <translation>Zeit bestätigt am %1 durch einen hier nicht vertrauenswürdigen Dienst</translation>
    </message>
    <message>
        <source>A trusted time-stamp authority vouches that this existed at %1 UTC.</source>
        <translation>Ein vertrauenswürdiger Zeitstempeldienst bestätigt, dass dies am %1 UTC existierte.</translation>
    </message>
    <message>
        <source>Time attested at %1</source>
        <translation>Zeit bestätigt am %1</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signiert</translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation>Nicht gültig</translation>
    </message>
    <message>
        <source>Signature not valid: %1</source>
        <translation>Signatur nicht gültig: %1</translation>
    </message>
    <message>
        <source>it does not verify</source>
        <translation>die Prüfung schlägt fehl</translation>
    </message>
    <message>
        <source>Save what an independent check of this signature needs</source>
        <translation>Alles speichern, was für eine unabhängige Prüfung dieser Signatur nötig ist</translation>
    </message>
    <message>
        <source>Export evidence…</source>
        <translation>Nachweis exportieren…</translation>
    </message>
    <message>
        <source>Electronic signatures of this version</source>
        <translation>Elektronische Signaturen dieser Version</translation>
    </message>
    <message>
        <source>Attached file</source>
        <translation>Angehängte Datei</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Angehängte Dateien</translation>
    </message>
    <message>
        <source>Every version of this entry and what changed between them</source>
        <translation>Alle Versionen dieses Eintrags und was sich zwischen ihnen geändert hat</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Show this file in the attached files</source>
        <translation>Diese Datei bei den angehängten Dateien zeigen</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose “New entry” in the toolbar (%1) to write the first one. Each entry is saved as a sealed, dated version.</source>
        <translation>Wählen Sie „Neuer Eintrag“ in der Werkzeugleiste (%1), um den ersten zu schreiben. Jeder Eintrag wird als versiegelte, datierte Version gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>Show %n earlier</source>
        <translation>
            <numerusform>%n früheren zeigen</numerusform>
            <numerusform>%n frühere zeigen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n later</source>
        <translation>
            <numerusform>%n späteren zeigen</numerusform>
            <numerusform>%n spätere zeigen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n entries</source>
        <translation>
            <numerusform>Den %n Eintrag zeigen</numerusform>
            <numerusform>Alle %n Einträge zeigen</numerusform>
        </translation>
    </message>
    <message>
        <source>Entries %1–%2 of %3</source>
        <translation>Einträge %1–%2 von %3</translation>
    </message>
    <message>
        <source>Write a new version of this entry in the editor</source>
        <translation>Eine neue Version dieses Eintrags im Editor schreiben</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Show this entry&apos;s files, signatures and history beside the page</source>
        <translation>Dateien, Signaturen und Verlauf dieses Eintrags neben der Seite zeigen</translation>
    </message>
    <message>
        <source>no entries yet</source>
        <translation>noch keine Einträge</translation>
    </message>
    <message>
        <source>Show the versions in conflict side by side</source>
        <translation>Die Versionen im Konflikt nebeneinander zeigen</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>Save a version that joins the versions in conflict</source>
        <translation>Eine Version speichern, die die Versionen im Konflikt zusammenführt</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Auflösen…</translation>
    </message>
    <message numerus="yes">
        <source>%n versions in conflict.</source>
        <translation>
            <numerusform>%n Version im Konflikt.</numerusform>
            <numerusform>%n Versionen im Konflikt.</numerusform>
        </translation>
    </message>
    <message>
        <source>This entry was changed on two computers before they synced. Every version is kept; every computer shows this one until the author resolves the conflict.</source>
        <translation>Dieser Eintrag wurde auf zwei Computern geändert, bevor sie synchronisiert wurden. Jede Version bleibt erhalten; jeder Computer zeigt diese, bis der Autor den Konflikt auflöst.</translation>
    </message>
    <message>
        <source>Changes requested</source>
        <translation>Änderungen erbeten</translation>
    </message>
    <message>
        <source>A later version of the entry answers it</source>
        <translation>Eine spätere Version des Eintrags beantwortet sie</translation>
    </message>
    <message>
        <source>Withdrawn by a later comment</source>
        <translation>Durch einen späteren Kommentar zurückgenommen</translation>
    </message>
    <message>
        <source>Changes requested (answered)</source>
        <translation>Änderungen erbeten (beantwortet)</translation>
    </message>
    <message>
        <source>on version %1</source>
        <translation>zu Version %1</translation>
    </message>
    <message>
        <source>corrected by a later comment</source>
        <translation>durch einen späteren Kommentar berichtigt</translation>
    </message>
    <message>
        <source>corrects an earlier comment</source>
        <translation>berichtigt einen früheren Kommentar</translation>
    </message>
    <message>
        <source>Write a comment on version %1 of this entry</source>
        <translation>Einen Kommentar zu Version %1 dieses Eintrags schreiben</translation>
    </message>
    <message>
        <source>Add comment…</source>
        <translation>Kommentar hinzufügen…</translation>
    </message>
    <message>
        <source>Comments (%1)</source>
        <translation>Kommentare (%1)</translation>
    </message>
</context>
<context>
    <name>quire::widgets::ExperimentDialog</name>
    <message>
        <source>New experiment</source>
        <translation>Neues Experiment</translation>
    </message>
    <message>
        <source>An experiment groups the entries you write about one piece of work.</source>
        <translation>Ein Experiment fasst die Einträge zusammen, die Sie zu einer Arbeit schreiben.</translation>
    </message>
    <message>
        <source>e.g. Phosphate buffer, pH 7.4</source>
        <translation>z. B. Phosphatpuffer, pH 7,4</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Optional, separated by commas: buffer, routine</source>
        <translation>Optional, durch Kommas getrennt: Puffer, Routine</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation>&amp;Projekt:</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>&amp;Schlagwörter:</translation>
    </message>
    <message>
        <source>&amp;Create experiment</source>
        <translation>Experiment &amp;anlegen</translation>
    </message>
</context>
<context>
    <name>quire::widgets::ExportPdfDialog</name>
    <message>
        <source>Export as PDF</source>
        <translation>Als PDF exportieren</translation>
    </message>
    <message>
        <source>Export “%1” as PDF</source>
        <translation>„%1“ als PDF exportieren</translation>
    </message>
    <message>
        <source>The PDF shows the chosen entries with their signatures and trusted times, and carries the sealed records that prove them, so that anyone can check it against this notebook.</source>
        <translation>Das PDF zeigt die gewählten Einträge mit ihren Signaturen und vertrauenswürdigen Zeiten und trägt die versiegelten Datensätze, die sie belegen, damit jeder es mit diesem Notizbuch abgleichen kann.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>&amp;Entries:</source>
        <translation>&amp;Einträge:</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US Letter</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Papier:</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Aus&amp;wählen…</translation>
    </message>
    <message>
        <source>&amp;Save as:</source>
        <translation>&amp;Speichern als:</translation>
    </message>
    <message>
        <source>S&amp;ign the PDF as:</source>
        <translation>PDF s&amp;ignieren als:</translation>
    </message>
    <message>
        <source>Your notebook passphrase, asked again to sign</source>
        <translation>Ihre Passphrase des Notizbuchs, zum Signieren erneut abgefragt</translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation>Pass&amp;phrase:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>The PDF is ready</source>
        <translation>Das PDF ist fertig</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Im &amp;Ordner zeigen</translation>
    </message>
    <message>
        <source>You sign this PDF as “%1”. This electronic signature is the legally binding equivalent of the handwritten signature of %2 &lt;%3&gt; (21 CFR 11.100).</source>
        <translation>Sie signieren dieses PDF als „%1“. Diese elektronische Signatur ist das rechtsverbindliche Gegenstück zur handschriftlichen Unterschrift von %2 &lt;%3&gt; (21 CFR 11.100).</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Choose at least one entry to export.</source>
        <translation>Wählen Sie mindestens einen Eintrag zum Exportieren.</translation>
    </message>
    <message>
        <source>Choose where the PDF is saved.</source>
        <translation>Wählen Sie, wo das PDF gespeichert wird.</translation>
    </message>
    <message>
        <source>Enter your passphrase to sign.</source>
        <translation>Geben Sie Ihre Passphrase ein, um zu signieren.</translation>
    </message>
    <message>
        <source>Printing the pages…</source>
        <translation>Die Seiten werden gedruckt…</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>Der Export wurde abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>%1 Nothing was signed or written.</source>
        <translation>%1 Es wurde nichts signiert oder geschrieben.</translation>
    </message>
    <message>
        <source>Checking the passphrase, signing and time-stamping…</source>
        <translation>Passphrase wird geprüft, signiert und mit Zeitstempel versehen…</translation>
    </message>
    <message>
        <source>The PDF could not be saved as %1: %2.</source>
        <translation>Das PDF konnte nicht als %1 gespeichert werden: %2.</translation>
    </message>
    <message>
        <source>Signed as “%1”; not yet time-stamped (no time-stamp authority answered): add the time-stamp later.</source>
        <translation>Signiert als „%1“; noch ohne Zeitstempel (keine Zeitstempel-Autorität hat geantwortet): fügen Sie den Zeitstempel später hinzu.</translation>
    </message>
    <message>
        <source>Signed as “%1” and time-stamped (PAdES %2).</source>
        <translation>Signiert als „%1“ und mit Zeitstempel versehen (PAdES %2).</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message numerus="yes">
        <source>%n pages, with the %1 records that prove them embedded.</source>
        <translation>
            <numerusform>%n Seite, mit den %1 eingebetteten Datensätzen, die sie belegen.</numerusform>
            <numerusform>%n Seiten, mit den %1 eingebetteten Datensätzen, die sie belegen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::FilesController</name>
    <message>
        <source>The file could not be written</source>
        <translation>Die Datei konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>No entry to attach to</source>
        <translation>Kein Eintrag zum Anhängen</translation>
    </message>
    <message>
        <source>files are kept with an entry you wrote; add an entry to this experiment first</source>
        <translation>Dateien werden bei einem Eintrag abgelegt, den Sie geschrieben haben; legen Sie zuerst einen Eintrag in diesem Experiment an</translation>
    </message>
    <message>
        <source>This entry cannot take files</source>
        <translation>An diesen Eintrag können keine Dateien angehängt werden</translation>
    </message>
    <message>
        <source>files are kept with an entry you wrote that is not voided; choose one of your own entries</source>
        <translation>Dateien werden bei einem von Ihnen geschriebenen Eintrag abgelegt, der nicht ungültig gemacht wurde; wählen Sie einen Ihrer eigenen Einträge</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>Datei anhängen</translation>
    </message>
    <message>
        <source>Attach the file to the entry:</source>
        <translation>Die Datei an diesen Eintrag anhängen:</translation>
    </message>
    <message>
        <source>Attach files to “%1”</source>
        <translation>Dateien an „%1“ anhängen</translation>
    </message>
    <message>
        <source>Storing “%1” in the notebook (%2 of %3)…</source>
        <translation>„%1“ wird im Laborbuch gespeichert (%2 von %3)…</translation>
    </message>
    <message>
        <source>Storing “%1” in the notebook…</source>
        <translation>„%1“ wird im Laborbuch gespeichert…</translation>
    </message>
    <message>
        <source>The file could not be attached</source>
        <translation>Die Datei konnte nicht angehängt werden</translation>
    </message>
    <message>
        <source>“%1” attached to “%2”</source>
        <translation>„%1“ an „%2“ angehängt</translation>
    </message>
    <message>
        <source>Drawing the plot at print resolution…</source>
        <translation>Das Diagramm wird in Druckauflösung gezeichnet…</translation>
    </message>
    <message>
        <source>The plot could not be inserted</source>
        <translation>Das Diagramm konnte nicht eingefügt werden</translation>
    </message>
    <message>
        <source>The plot was added to the entry as a figure</source>
        <translation>Das Diagramm wurde dem Eintrag als Abbildung hinzugefügt</translation>
    </message>
    <message>
        <source>“%1” is kept, and joins the version of “%2” you save next</source>
        <translation>Die Datei „%1“ ist gespeichert und kommt in die Version von „%2“, die Sie als Nächstes speichern</translation>
    </message>
    <message>
        <source>“%1” is kept in the notebook; the window it was added to is closed, so no entry names it yet</source>
        <translation>Die Datei „%1“ ist im Laborbuch gespeichert; das Fenster, in dem sie hinzugefügt wurde, ist geschlossen, daher nennt sie noch kein Eintrag</translation>
    </message>
</context>
<context>
    <name>quire::widgets::HistoryDialog</name>
    <message>
        <source>The history could not be read: %1</source>
        <translation>Der Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>History of “%1”</source>
        <translation>Verlauf von „%1“</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Ungültig gemacht</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Ältere Version</translation>
    </message>
    <message>
        <source>First version</source>
        <translation>Erste Version</translation>
    </message>
    <message>
        <source>&lt;b&gt;Version 1&lt;/b&gt; — the first version, as written</source>
        <translation>&lt;b&gt;Version 1&lt;/b&gt; – die erste Version, wie geschrieben</translation>
    </message>
    <message>
        <source>&lt;b&gt;Version %1&lt;/b&gt; withdrew the entry. Reason: %2</source>
        <translation>&lt;b&gt;Version %1&lt;/b&gt; hat den Eintrag ungültig gemacht. Begründung: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;Version %1&lt;/b&gt; compared with version %2. Reason: %3</source>
        <translation>&lt;b&gt;Version %1&lt;/b&gt; im Vergleich mit Version %2. Begründung: %3</translation>
    </message>
    <message>
        <source>Signatures of version %1</source>
        <translation>Signaturen von Version %1</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3</source>
        <translation>Version %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Nothing before</source>
        <translation>Keine frühere Version</translation>
    </message>
    <message>
        <source>The text is the same as in the version before.</source>
        <translation>Der Text ist derselbe wie in der vorigen Version.</translation>
    </message>
    <message>
        <source>This version has no signatures.</source>
        <translation>Diese Version hat keine Signaturen.</translation>
    </message>
    <message>
        <source>not valid: %1</source>
        <translation>nicht gültig: %1</translation>
    </message>
    <message>
        <source>it does not verify</source>
        <translation>die Prüfung schlägt fehl</translation>
    </message>
    <message>
        <source>Every saved version is kept. Choose a version to see what changed from the one before it.</source>
        <translation>Jede gespeicherte Version bleibt erhalten. Wählen Sie eine Version, um zu sehen, was sich gegenüber der vorigen geändert hat.</translation>
    </message>
    <message>
        <source>&amp;Entry:</source>
        <translation>&amp;Eintrag:</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Aufgezeichnet</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>Begründung der Änderung</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Versions of this entry</source>
        <translation>Versionen dieses Eintrags</translation>
    </message>
    <message>
        <source>Changes from the version before</source>
        <translation>Änderungen gegenüber der vorigen Version</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message numerus="yes">
        <source>%n signatures</source>
        <translation>
            <numerusform>%n Signatur</numerusform>
            <numerusform>%n Signaturen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::ImportElnDialog</name>
    <message>
        <source>Import .eln</source>
        <translation>.eln importieren</translation>
    </message>
    <message>
        <source>Importing “%1”…</source>
        <translation>„%1“ wird importiert…</translation>
    </message>
    <message>
        <source>Stopping; nothing will be written…</source>
        <translation>Wird abgebrochen; nichts wird geschrieben…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing was imported.&lt;/b&gt; The notebook is as it was.</source>
        <translation>&lt;b&gt;Nichts wurde importiert.&lt;/b&gt; Das Laborbuch ist unverändert.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Imported from %1:&lt;/b&gt; %2, %3 and %4.</source>
        <translation>&lt;b&gt;Importiert aus %1:&lt;/b&gt; %2, %3 und %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n experiments</source>
        <translation>
            <numerusform>%n Experiment</numerusform>
            <numerusform>%n Experimente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n Datei</numerusform>
            <numerusform>%n Dateien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files do not match the SHA-256 the crate gives; kept and marked.</source>
        <translation>
            <numerusform>%n Datei stimmt nicht mit dem SHA-256 des Crates überein; behalten und markiert.</numerusform>
            <numerusform>%n Dateien stimmen nicht mit dem SHA-256 des Crates überein; behalten und markiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n things could not be imported; see below.</source>
        <translation>
            <numerusform>%n Element konnte nicht importiert werden; siehe unten.</numerusform>
            <numerusform>%n Elemente konnten nicht importiert werden; siehe unten.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::InboxController</name>
    <message>
        <source>Captured “%1” from %2; it waits in the inbox</source>
        <translation>„%1“ von %2 übernommen; die Datei wartet im Eingang</translation>
    </message>
    <message>
        <source>%1 was not captured yet: %2</source>
        <translation>%1 wurde noch nicht übernommen: %2</translation>
    </message>
    <message>
        <source>The capture could not be read</source>
        <translation>Die übernommene Datei konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>The entries could not be read</source>
        <translation>Die Einträge konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>No entry to file into</source>
        <translation>Kein Eintrag zum Ablegen</translation>
    </message>
    <message>
        <source>captures are filed into an entry you wrote in this experiment; add one first</source>
        <translation>übernommene Dateien werden in einem Eintrag abgelegt, den Sie in diesem Experiment geschrieben haben; legen Sie zuerst einen an</translation>
    </message>
    <message>
        <source>File into entry</source>
        <translation>In Eintrag ablegen</translation>
    </message>
    <message>
        <source>File “%1” into the entry:</source>
        <translation>„%1“ in diesem Eintrag ablegen:</translation>
    </message>
    <message>
        <source>The capture could not be filed</source>
        <translation>Die übernommene Datei konnte nicht abgelegt werden</translation>
    </message>
    <message>
        <source>“%1” filed into the entry</source>
        <translation>„%1“ im Eintrag abgelegt</translation>
    </message>
    <message>
        <source>Set aside</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>Why is “%1” not filed into an entry? (for example “blank run”)</source>
        <translation>Warum wird „%1“ in keinem Eintrag abgelegt? (zum Beispiel „Leerlauf“)</translation>
    </message>
    <message>
        <source>Not set aside</source>
        <translation>Nicht zurückgestellt</translation>
    </message>
    <message>
        <source>a reason is needed to set a capture aside</source>
        <translation>zum Zurückstellen ist eine Begründung nötig</translation>
    </message>
    <message>
        <source>The capture could not be set aside</source>
        <translation>Die übernommene Datei konnte nicht zurückgestellt werden</translation>
    </message>
    <message>
        <source>“%1” set aside</source>
        <translation>„%1“ zurückgestellt</translation>
    </message>
    <message>
        <source>File into entry…</source>
        <translation>In Eintrag ablegen…</translation>
    </message>
    <message>
        <source>Set aside…</source>
        <translation>Zurückstellen…</translation>
    </message>
    <message>
        <source>Taking “%1” into the notebook: %2 %</source>
        <translation>„%1“ wird ins Laborbuch übernommen: %2 %</translation>
    </message>
</context>
<context>
    <name>quire::widgets::InstrumentsDialog</name>
    <message>
        <source>Instruments</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Files an instrument writes into its folder on this computer are taken into the notebook once they stop changing, and wait in the inbox until you file them into an entry. The folders are only read.</source>
        <translation>Dateien, die ein Gerät auf diesem Computer in seinen Ordner schreibt, werden ins Laborbuch übernommen, sobald sie sich nicht mehr ändern, und warten im Eingang, bis Sie sie in einem Eintrag ablegen. Die Ordner werden nur gelesen.</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Model, serial, place</source>
        <translation>Modell, Seriennummer, Standort</translation>
    </message>
    <message>
        <source>Folder on this computer</source>
        <translation>Ordner auf diesem Computer</translation>
    </message>
    <message>
        <source>&amp;Add instrument…</source>
        <translation>Gerät &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Watch folder…</source>
        <translation>&amp;Ordner überwachen…</translation>
    </message>
    <message>
        <source>The instruments could not be read</source>
        <translation>Die Geräte konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1 (%2; settle %3 s, poll %4 s)</source>
        <translation>%1 (%2; Ruhezeit %3 s, Abfrage alle %4 s)</translation>
    </message>
    <message>
        <source>not watched here</source>
        <translation>hier nicht überwacht</translation>
    </message>
    <message>
        <source>Add instrument</source>
        <translation>Gerät hinzufügen</translation>
    </message>
    <message>
        <source>e.g. UV-2600 in room 214</source>
        <translation>z. B. UV-2600 in Raum 214</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <source>&amp;Serial number:</source>
        <translation>&amp;Seriennummer:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Standort:</translation>
    </message>
    <message>
        <source>The instrument was not added</source>
        <translation>Das Gerät wurde nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Watch folder</source>
        <translation>Ordner überwachen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Folder the instrument writes into</source>
        <translation>Ordner, in den das Gerät schreibt</translation>
    </message>
    <message>
        <source>File names to take, separated by commas, e.g. *.jdx, *.csv</source>
        <translation>Zu übernehmende Dateinamen, durch Kommas getrennt, z. B. *.jdx, *.csv</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>A file is taken once it has not changed for this long</source>
        <translation>Eine Datei wird übernommen, sobald sie sich so lange nicht geändert hat</translation>
    </message>
    <message>
        <source>How often the folder is listed again (network shares only so)</source>
        <translation>Wie oft der Ordner erneut gelesen wird (Netzlaufwerke nur so)</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>File &amp;names:</source>
        <translation>Datei&amp;namen:</translation>
    </message>
    <message>
        <source>&amp;Settle time:</source>
        <translation>&amp;Ruhezeit:</translation>
    </message>
    <message>
        <source>&amp;Poll every:</source>
        <translation>&amp;Abfrage alle:</translation>
    </message>
    <message>
        <source>The folder was not bound</source>
        <translation>Der Ordner wurde nicht verbunden</translation>
    </message>
    <message>
        <source>Bind a folder of this computer to the chosen instrument, or change its binding</source>
        <translation>Einen Ordner dieses Computers an das gewählte Gerät binden oder die Bindung ändern</translation>
    </message>
    <message>
        <source>&amp;Stop watching</source>
        <translation>Nicht mehr Nicht mehr &amp;beobachtenamp;überwachen</translation>
    </message>
    <message>
        <source>Stop taking files from the chosen instrument&apos;s folder on this computer; what was captured stays in the notebook</source>
        <translation>Keine Dateien mehr aus dem Ordner des gewählten Geräts auf diesem Computer übernehmen; was übernommen wurde, bleibt im Laborbuch</translation>
    </message>
    <message>
        <source>&amp;Retire…</source>
        <translation>&amp;Außer Betrieb nehmen…</translation>
    </message>
    <message>
        <source>Take the chosen instrument out of use for everyone, with a reason; its files stay in the notebook</source>
        <translation>Das gewählte Gerät für alle außer Betrieb nehmen, mit Begründung; seine Dateien bleiben im Laborbuch</translation>
    </message>
    <message>
        <source>The folder is still watched</source>
        <translation>Der Ordner wird weiter überwacht</translation>
    </message>
    <message>
        <source>%1 (retired)</source>
        <translation>%1 (außer Betrieb)</translation>
    </message>
    <message>
        <source>Retired: %1</source>
        <translation>Außer Betrieb: %1</translation>
    </message>
    <message>
        <source>Retired on %1: %2</source>
        <translation>Außer Betrieb genommen am %1: %2</translation>
    </message>
    <message>
        <source>Change &amp;folder…</source>
        <translation>&amp;Ordner ändern…</translation>
    </message>
    <message>
        <source>Retire instrument</source>
        <translation>Gerät außer Betrieb nehmen</translation>
    </message>
    <message>
        <source>Why is “%1” retired? (for example “sent back to the vendor”; everyone in the notebook will see it)</source>
        <translation>Warum wird „%1“ außer Betrieb genommen? (zum Beispiel „an den Hersteller zurückgeschickt“; alle im Laborbuch sehen es)</translation>
    </message>
    <message>
        <source>Not retired</source>
        <translation>Nicht außer Betrieb genommen</translation>
    </message>
    <message>
        <source>a reason is needed to retire an instrument</source>
        <translation>um ein Gerät außer Betrieb zu nehmen, ist eine Begründung nötig</translation>
    </message>
    <message>
        <source>The instrument was not retired</source>
        <translation>Das Gerät wurde nicht außer Betrieb genommen</translation>
    </message>
</context>
<context>
    <name>quire::widgets::JoinDialog</name>
    <message>
        <source>Join a notebook</source>
        <translation>Einem Laborbuch beitreten</translation>
    </message>
    <message>
        <source>Join a notebook with an invitation</source>
        <translation>Mit einer Einladung einem Laborbuch beitreten</translation>
    </message>
    <message>
        <source>An admin of the notebook gave you an invitation file. Quire makes your own keys here and a join request for the admin; once they approve it, the next sync brings the notebook.</source>
        <translation>Ein Administrator des Laborbuchs hat Ihnen eine Einladungsdatei gegeben. Quire erzeugt hier Ihre eigenen Schlüssel und eine Beitrittsanfrage für den Administrator; sobald er sie genehmigt, bringt die nächste Synchronisation das Laborbuch.</translation>
    </message>
    <message>
        <source>&amp;Invitation file:</source>
        <translation>&amp;Einladungsdatei:</translation>
    </message>
    <message>
        <source>Invitation file</source>
        <translation>Einladungsdatei</translation>
    </message>
    <message>
        <source>Invitations (*.json *.qinv);;All files (*)</source>
        <translation>Einladungen (*.json *.qinv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>As it should appear on entries</source>
        <translation>So, wie er bei Einträgen erscheinen soll</translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation>&amp;Ihr Name:</translation>
    </message>
    <message>
        <source>name@institute.org</source>
        <translation>name@institut.de</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>E-&amp;Mail:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Folder for the notebook</source>
        <translation>Ordner für das Laborbuch</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase:</source>
        <translation>Passphrase &amp;wiederholen:</translation>
    </message>
    <message>
        <source>&amp;Save the request as:</source>
        <translation>Anfrage &amp;speichern unter:</translation>
    </message>
    <message>
        <source>Join request</source>
        <translation>Beitrittsanfrage</translation>
    </message>
    <message>
        <source>Join requests (*.json)</source>
        <translation>Beitrittsanfragen (*.json)</translation>
    </message>
    <message>
        <source>Making your keys…</source>
        <translation>Ihre Schlüssel werden erzeugt…</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Beitreten</translation>
    </message>
    <message>
        <source>Choose the invitation file the notebook&apos;s admin gave you.</source>
        <translation>Wählen Sie die Einladungsdatei, die Ihnen der Administrator des Laborbuchs gegeben hat.</translation>
    </message>
    <message>
        <source>Enter your name; it is recorded with everything you write.</source>
        <translation>Geben Sie Ihren Namen ein; er wird mit allem aufgezeichnet, was Sie schreiben.</translation>
    </message>
    <message>
        <source>Enter an email address, such as name@institute.org.</source>
        <translation>Geben Sie eine E-Mail-Adresse ein, etwa name@institut.de.</translation>
    </message>
    <message>
        <source>Choose a folder that holds no notebook yet.</source>
        <translation>Wählen Sie einen Ordner, in dem noch kein Laborbuch liegt.</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters; a few words in a row work well.</source>
        <translation>Die Passphrase braucht mindestens %1 Zeichen; einige Wörter hintereinander eignen sich gut.</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. %1</source>
        <translation>Diese Passphrase ist zu leicht zu erraten. %1</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type the passphrase again.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein. Geben Sie die Passphrase noch einmal ein.</translation>
    </message>
    <message>
        <source>Choose where to save the join request for the admin.</source>
        <translation>Wählen Sie, wo die Beitrittsanfrage für den Administrator gespeichert werden soll.</translation>
    </message>
    <message>
        <source>The invitation file cannot be read.</source>
        <translation>Die Einladungsdatei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The join request cannot be saved there: %1</source>
        <translation>Die Beitrittsanfrage kann dort nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The join request could not be saved (%1). Remove the folder %2 and join again.</source>
        <translation>Die Beitrittsanfrage konnte nicht gespeichert werden (%1). Entfernen Sie den Ordner %2 und treten Sie erneut bei.</translation>
    </message>
    <message>
        <source>Join request saved</source>
        <translation>Beitrittsanfrage gespeichert</translation>
    </message>
    <message>
        <source>&lt;p&gt;Send &lt;b&gt;%1&lt;/b&gt; to an admin of the notebook, and read them this code by phone or in person, so that they can tell the request is yours:&lt;/p&gt;&lt;p style=&apos;font-size:large&apos;&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Senden Sie &lt;b&gt;%1&lt;/b&gt; an einen Administrator des Laborbuchs und lesen Sie ihm diesen Code am Telefon oder persönlich vor, damit er erkennt, dass die Anfrage von Ihnen ist:&lt;/p&gt;&lt;p style=&apos;font-size:large&apos;&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>quire::widgets::LockController</name>
    <message>
        <source>The notebook is locked</source>
        <translation>Das Laborbuch ist gesperrt</translation>
    </message>
    <message>
        <source>Enter your passphrase to open %1.</source>
        <translation>Geben Sie Ihre Passphrase ein, um %1 zu öffnen.</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>Entsperren…</translation>
    </message>
    <message>
        <source>Welcome to Quire</source>
        <translation>Willkommen bei Quire</translation>
    </message>
    <message>
        <source>There is no notebook in %1 yet. Create one to start writing.</source>
        <translation>In %1 gibt es noch kein Laborbuch. Legen Sie eines an, um mit dem Schreiben zu beginnen.</translation>
    </message>
    <message>
        <source>Create notebook…</source>
        <translation>Laborbuch anlegen…</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Entsperrt</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
    <message numerus="yes">
        <source>Locks itself after %n minutes without use. Click to lock now.</source>
        <translation>
            <numerusform>Sperrt sich nach %n Minute ohne Benutzung. Klicken Sie, um jetzt zu sperren.</numerusform>
            <numerusform>Sperrt sich nach %n Minuten ohne Benutzung. Klicken Sie, um jetzt zu sperren.</numerusform>
        </translation>
    </message>
    <message>
        <source>Click to lock the notebook now.</source>
        <translation>Klicken Sie, um das Laborbuch jetzt zu sperren.</translation>
    </message>
    <message>
        <source>The notebook is locked: nothing of it is in memory or on screen.</source>
        <translation>Das Laborbuch ist gesperrt: Nichts davon ist im Speicher oder auf dem Bildschirm.</translation>
    </message>
</context>
<context>
    <name>quire::widgets::MainWindow</name>
    <message>
        <source>Quire</source>
        <translation>Quire</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Warten auf Genehmigung</translation>
    </message>
    <message>
        <source>Your request to join “%1” is with its admin. Once they have approved it, the next sync brings the notebook here. Quire syncs every few minutes; you can also sync now.</source>
        <translation>Ihre Anfrage, „%1“ beizutreten, liegt beim Administrator. Sobald sie genehmigt ist, bringt die nächste Synchronisation das Laborbuch hierher. Quire synchronisiert alle paar Minuten; Sie können auch jetzt synchronisieren.</translation>
    </message>
    <message>
        <source>Your notebook is empty</source>
        <translation>Ihr Laborbuch ist leer</translation>
    </message>
    <message>
        <source>Start with an experiment: a title for one piece of work, such as “Phosphate buffer, pH 7.4”. The entries you write go into it.</source>
        <translation>Beginnen Sie mit einem Experiment: einem Titel für eine Arbeit, etwa „Phosphatpuffer, pH 7,4“. Die Einträge, die Sie schreiben, kommen dort hinein.</translation>
    </message>
    <message>
        <source>New experiment…</source>
        <translation>Neues Experiment…</translation>
    </message>
    <message>
        <source>Entries of the selected experiment</source>
        <translation>Einträge des ausgewählten Experiments</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Offline: %1</translation>
    </message>
    <message>
        <source>Quire — %1</source>
        <translation>Quire — %1</translation>
    </message>
    <message>
        <source>The experiments could not be read</source>
        <translation>Die Experimente konnten nicht gelesen werden</translation>
    </message>
    <message>
        <source>Stopping the sync…</source>
        <translation>Synchronisation wird abgebrochen…</translation>
    </message>
    <message>
        <source>Please wait until Quire has finished writing into the notebook.</source>
        <translation>Bitte warten Sie, bis Quire das Schreiben in das Laborbuch beendet hat.</translation>
    </message>
    <message>
        <source>Projects, tags and experiments</source>
        <translation>Projekte, Schlagwörter und Experimente</translation>
    </message>
    <message>
        <source>%1  ·  %2</source>
        <translation>%1  ·  %2</translation>
    </message>
    <message>
        <source>Exported as %1</source>
        <translation>Exportiert als %1</translation>
    </message>
    <message>
        <source>Choose a .eln file to import</source>
        <translation>.eln-Datei zum Importieren wählen</translation>
    </message>
    <message>
        <source>ELN archives (*.eln *.zip)</source>
        <translation>ELN-Archive (*.eln *.zip)</translation>
    </message>
    <message>
        <source>The entry could not be read</source>
        <translation>Der Eintrag konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Details of the chosen entry</source>
        <translation>Details des gewählten Eintrags</translation>
    </message>
</context>
<context>
    <name>quire::widgets::MembersDialog</name>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Betreuer</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <source>writes experiments and entries</source>
        <translation>schreibt Experimente und Einträge</translation>
    </message>
    <message>
        <source>reviews, approves and witnesses the entries of others</source>
        <translation>prüft die Einträge anderer, gibt sie frei und bezeugt sie</translation>
    </message>
    <message>
        <source>invites, approves and revokes members</source>
        <translation>lädt Mitglieder ein, genehmigt sie und entzieht ihnen den Zugang</translation>
    </message>
    <message>
        <source>inspects the notebook and its audit trail</source>
        <translation>sieht das Laborbuch und seinen Prüfpfad ein</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Zugang entzogen</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Members of “%1”</source>
        <translation>Mitglieder von „%1“</translation>
    </message>
    <message>
        <source>Everyone listed can read this notebook; their roles say what else they may do. A newcomer joins with an invitation file and is let in once an admin approves their request.</source>
        <translation>Alle hier Aufgeführten können dieses Laborbuch lesen; ihre Rollen legen fest, was sie darüber hinaus tun dürfen. Neue Mitglieder treten mit einer Einladungsdatei bei und erhalten Zugang, sobald ein Administrator ihre Anfrage genehmigt.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Invite…</source>
        <translation>&amp;Einladen…</translation>
    </message>
    <message>
        <source>&amp;Approve request…</source>
        <translation>Anfrage &amp;genehmigen…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>Zugang ent&amp;ziehen…</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (Sie)</translation>
    </message>
    <message>
        <source>Only an admin of this notebook can invite, approve or revoke members.</source>
        <translation>Nur ein Administrator dieses Laborbuchs kann Mitglieder einladen, genehmigen oder ihnen den Zugang entziehen.</translation>
    </message>
    <message>
        <source>Set the shared repository first (Notebook ▸ Remote settings…): the invitation tells the newcomer where it is.</source>
        <translation>Legen Sie zuerst das gemeinsame Repository fest (Laborbuch ▸ Repository-Einstellungen…): Die Einladung teilt dem neuen Mitglied mit, wo es liegt.</translation>
    </message>
    <message>
        <source>Save an invitation file to send to a newcomer</source>
        <translation>Eine Einladungsdatei speichern, um sie an ein neues Mitglied zu senden</translation>
    </message>
    <message>
        <source>Open the join request a newcomer sent you</source>
        <translation>Die Beitrittsanfrage öffnen, die Ihnen ein neues Mitglied geschickt hat</translation>
    </message>
    <message>
        <source>Select the member to revoke</source>
        <translation>Wählen Sie das Mitglied, dem der Zugang entzogen werden soll</translation>
    </message>
    <message>
        <source>You cannot revoke yourself</source>
        <translation>Sie können sich nicht selbst den Zugang entziehen</translation>
    </message>
    <message>
        <source>This member is already revoked</source>
        <translation>Diesem Mitglied wurde der Zugang bereits entzogen</translation>
    </message>
    <message>
        <source>Close the notebook to %1 from now on</source>
        <translation>Das Laborbuch ab jetzt für %1 schließen</translation>
    </message>
    <message>
        <source>Save the invitation</source>
        <translation>Einladung speichern</translation>
    </message>
    <message>
        <source>Invitations (*.json)</source>
        <translation>Einladungen (*.json)</translation>
    </message>
    <message>
        <source>The invitation could not be saved to %1: %2.</source>
        <translation>Die Einladung konnte nicht unter %1 gespeichert werden: %2.</translation>
    </message>
    <message>
        <source>Invitation saved to %1. Send it to the newcomer; Quire makes a join request from it, which they send back to you to approve.</source>
        <translation>Einladung unter %1 gespeichert. Senden Sie sie an das neue Mitglied; Quire erstellt daraus eine Beitrittsanfrage, die es Ihnen zur Genehmigung zurückschickt.</translation>
    </message>
    <message>
        <source>Open a join request</source>
        <translation>Beitrittsanfrage öffnen</translation>
    </message>
    <message>
        <source>Join requests (*.json);;All files (*)</source>
        <translation>Beitrittsanfragen (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The join request %1 cannot be read: %2.</source>
        <translation>Die Beitrittsanfrage %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 is now a member. Sync now, so that their copy receives the key; they are let in at their next sync.</source>
        <translation>%1 ist jetzt Mitglied. Synchronisieren Sie jetzt, damit die Kopie von %1 den Schlüssel erhält; der Zugang öffnet sich bei der nächsten Synchronisation von %1.</translation>
    </message>
    <message>
        <source>%1 was revoked. What is written from now on is closed to them once you sync.</source>
        <translation>%1 wurde der Zugang entzogen. Was ab jetzt geschrieben wird, bleibt %1 verschlossen, sobald Sie synchronisieren.</translation>
    </message>
</context>
<context>
    <name>quire::widgets::NotebookLoader</name>
    <message>
        <source>the notebook could not be opened</source>
        <translation>das Laborbuch konnte nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>quire::widgets::OtherComputerDialog</name>
    <message>
        <source>Use the notebook on this computer too</source>
        <translation>Das Laborbuch auch auf diesem Computer verwenden</translation>
    </message>
    <message>
        <source>Use your notebook on this computer too</source>
        <translation>Verwenden Sie Ihr Laborbuch auch auf diesem Computer</translation>
    </message>
    <message>
        <source>On the computer where you already use the notebook, choose Notebook ▸ Add my other computer…. Bring the offer file it saves here and type the code it shows. You stay the same member; this computer gets its own passphrase.</source>
        <translation>Wählen Sie auf dem Computer, auf dem Sie das Laborbuch schon verwenden, Laborbuch ▸ Meinen anderen Computer hinzufügen…. Bringen Sie die Angebotsdatei, die er speichert, hierher und geben Sie den Code ein, den er zeigt. Sie bleiben dasselbe Mitglied; dieser Computer erhält eine eigene Passphrase.</translation>
    </message>
    <message>
        <source>The .qdev file from your other computer</source>
        <translation>Die .qdev-Datei von Ihrem anderen Computer</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Offer file:</source>
        <translation>&amp;Angebotsdatei:</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation>Mindestens %1 Zeichen</translation>
    </message>
    <message>
        <source>&amp;Passphrase for this computer:</source>
        <translation>&amp;Passphrase für diesen Computer:</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase:</source>
        <translation>Passphrase &amp;wiederholen:</translation>
    </message>
    <message>
        <source>The offer works for 24 hours, and 5 wrong codes use it up.</source>
        <translation>Das Angebot gilt 24 Stunden; nach 5 falschen Codes ist es verbraucht.</translation>
    </message>
    <message>
        <source>Setting up this computer…</source>
        <translation>Dieser Computer wird eingerichtet…</translation>
    </message>
    <message>
        <source>&amp;Set up this computer</source>
        <translation>Diesen Computer &amp;einrichten</translation>
    </message>
    <message>
        <source>Offer from your other computer</source>
        <translation>Angebot von Ihrem anderen Computer</translation>
    </message>
    <message>
        <source>Quire offers (*.qdev)</source>
        <translation>Quire-Angebote (*.qdev)</translation>
    </message>
    <message>
        <source>Choose the offer file your other computer saved.</source>
        <translation>Wählen Sie die Angebotsdatei, die Ihr anderer Computer gespeichert hat.</translation>
    </message>
    <message>
        <source>Type the code your other computer shows.</source>
        <translation>Geben Sie den Code ein, den Ihr anderer Computer zeigt.</translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters; a few words in a row work well.</source>
        <translation>Die Passphrase braucht mindestens %1 Zeichen; einige Wörter hintereinander eignen sich gut.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type the passphrase again.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein. Geben Sie die Passphrase erneut ein.</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Folder for the notebook</source>
        <translation>Ordner für das Laborbuch</translation>
    </message>
    <message>
        <source>Choose a folder that holds no notebook yet.</source>
        <translation>Wählen Sie einen Ordner, in dem noch kein Laborbuch liegt.</translation>
    </message>
</context>
<context>
    <name>quire::widgets::PageNavigator</name>
    <message>
        <source>The experiment could not be shown</source>
        <translation>Das Experiment konnte nicht angezeigt werden</translation>
    </message>
    <message>
        <source>Please wait until the sync has finished.</source>
        <translation>Bitte warten Sie, bis die Synchronisation abgeschlossen ist.</translation>
    </message>
    <message>
        <source>The conflict was resolved</source>
        <translation>Der Konflikt wurde aufgelöst</translation>
    </message>
</context>
<context>
    <name>quire::widgets::PathRow</name>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
</context>
<context>
    <name>quire::widgets::RecoveryCodeDialog</name>
    <message>
        <source>Recovery code</source>
        <translation>Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Write down your recovery code</source>
        <translation>Schreiben Sie Ihren Wiederherstellungscode auf</translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation>Ihr Wiederherstellungscode</translation>
    </message>
    <message>
        <source>If this computer is lost or you forget your passphrase, this code and the notebook&apos;s server bring you and the whole notebook back on another computer. Keep it on paper, locked away: whoever has it and the server can act as you in this notebook.</source>
        <translation>Geht dieser Computer verloren oder vergessen Sie Ihre Passphrase, bringen dieser Code und der Server des Laborbuchs Sie und das ganze Laborbuch auf einem anderen Computer zurück. Bewahren Sie ihn auf Papier und unter Verschluss auf: Wer ihn und den Server hat, kann in diesem Laborbuch als Sie handeln.</translation>
    </message>
    <message>
        <source>Letters are not case-sensitive. The last character of each group is a check, so a typing error is found at once. Making a new code (Notebook menu) replaces this one.</source>
        <translation>Groß- und Kleinschreibung spielt keine Rolle. Das letzte Zeichen jeder Gruppe ist eine Prüfziffer, so fällt ein Tippfehler sofort auf. Ein neuer Code (Menü Laborbuch) ersetzt diesen.</translation>
    </message>
    <message>
        <source>I have written it down or saved the sheet</source>
        <translation>Ich habe ihn aufgeschrieben oder das Blatt gespeichert</translation>
    </message>
    <message>
        <source>Save recovery sheet as PDF…</source>
        <translation>Wiederherstellungsblatt als PDF speichern…</translation>
    </message>
    <message>
        <source>Save recovery sheet</source>
        <translation>Wiederherstellungsblatt speichern</translation>
    </message>
    <message>
        <source>Quire recovery sheet.pdf</source>
        <translation>Quire-Wiederherstellungsblatt.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>I have printed or safely stored the sheet</source>
        <translation>Ich habe das Blatt ausgedruckt oder sicher abgelegt</translation>
    </message>
    <message>
        <source>Enter your passphrase to see your recovery code:</source>
        <translation>Geben Sie Ihre Passphrase ein, um Ihren Wiederherstellungscode zu sehen:</translation>
    </message>
</context>
<context>
    <name>quire::widgets::RemoteSettingsDialog</name>
    <message>
        <source>Remote settings</source>
        <translation>Repository-Einstellungen</translation>
    </message>
    <message>
        <source>Shared repository</source>
        <translation>Gemeinsames Repository</translation>
    </message>
    <message>
        <source>Quire shares this notebook through a git repository on your lab&apos;s server. Everything is encrypted before it leaves this computer: the server never sees what you write.</source>
        <translation>Quire teilt dieses Laborbuch über ein Git-Repository auf dem Server Ihres Labors. Alles wird verschlüsselt, bevor es diesen Computer verlässt: Der Server sieht nie, was Sie schreiben.</translation>
    </message>
    <message>
        <source>This notebook is not shared yet.</source>
        <translation>Dieses Laborbuch wird noch nicht geteilt.</translation>
    </message>
    <message>
        <source>Now shared through %1</source>
        <translation>Jetzt geteilt über %1</translation>
    </message>
    <message>
        <source>e.g. https://git.lab.example/notebooks/bench.git</source>
        <translation>z. B. https://git.lab.example/notebooks/bench.git</translation>
    </message>
    <message>
        <source>https://…, ssh://…, git@host:path, git://… or a folder path</source>
        <translation>https://…, ssh://…, git@host:pfad, git://… oder ein Ordnerpfad</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>Login, if the server asks for one</source>
        <translation>Anmeldung, falls der Server eine verlangt</translation>
    </message>
    <message>
        <source>Your user name on the server (https)</source>
        <translation>Ihr Benutzername auf dem Server (https)</translation>
    </message>
    <message>
        <source>Password or access token (https)</source>
        <translation>Passwort oder Zugriffstoken (https)</translation>
    </message>
    <message>
        <source>Private key file (ssh), e.g. ~/.ssh/id_ed25519</source>
        <translation>Datei mit privatem Schlüssel (ssh), z. B. ~/.ssh/id_ed25519</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Only for a server with its own certificate (PEM)</source>
        <translation>Nur für einen Server mit eigenem Zertifikat (PEM)</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Password or token:</source>
        <translation>&amp;Passwort oder Token:</translation>
    </message>
    <message>
        <source>SSH &amp;key:</source>
        <translation>SSH-Schlüsse&amp;l:</translation>
    </message>
    <message>
        <source>&amp;Certificate authority:</source>
        <translation>&amp;Zertifizierungsstelle:</translation>
    </message>
    <message>
        <source>The password and the key are kept encrypted in this notebook and are never shown again. Saving replaces the login saved before, so enter them again whenever you save.</source>
        <translation>Passwort und Schlüssel werden verschlüsselt in diesem Laborbuch aufbewahrt und nie wieder angezeigt. Beim Speichern wird die zuvor gespeicherte Anmeldung ersetzt; geben Sie beides daher bei jedem Speichern erneut ein.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Choose your ssh private key</source>
        <translation>Wählen Sie Ihren privaten SSH-Schlüssel</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose the server&apos;s certificate authority</source>
        <translation>Wählen Sie die Zertifizierungsstelle des Servers</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The ssh key %1 cannot be read: %2.</source>
        <translation>Der SSH-Schlüssel %1 kann nicht gelesen werden: %2.</translation>
    </message>
</context>
<context>
    <name>quire::widgets::ReviewQueueDialog</name>
    <message>
        <source>Waiting for my signature</source>
        <translation>Warten auf meine Signatur</translation>
    </message>
    <message>
        <source>Entries their authors have signed and that you have not countersigned yet. Open one to read it, then countersign it as reviewed, approved or witnessed.</source>
        <translation>Einträge, die ihre Autoren signiert und die Sie noch nicht gegengezeichnet haben. Öffnen Sie einen, um ihn zu lesen, und zeichnen Sie ihn dann als geprüft, freigegeben oder bezeugt gegen.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>Signed by the author</source>
        <translation>Vom Autor signiert</translation>
    </message>
    <message>
        <source>Entries waiting for my signature</source>
        <translation>Einträge, die auf meine Signatur warten</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Show this entry in its experiment</source>
        <translation>Diesen Eintrag in seinem Experiment zeigen</translation>
    </message>
    <message>
        <source>&amp;Countersign…</source>
        <translation>&amp;Gegenzeichnen…</translation>
    </message>
    <message>
        <source>Sign this version as reviewed, approved or witnessed</source>
        <translation>Diese Version als geprüft, freigegeben oder bezeugt signieren</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Countersign…</source>
        <translation>Gegenzeichnen…</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (Version %2)</translation>
    </message>
    <message>
        <source>Only supervisors countersign entries.</source>
        <translation>Nur Betreuer zeichnen Einträge gegen.</translation>
    </message>
    <message>
        <source>Authors sign their own entries; a supervisor then reviews, approves or witnesses them. An admin of this notebook can give you the supervisor role (Notebook ▸ Members).</source>
        <translation>Autoren signieren ihre eigenen Einträge; ein Betreuer prüft sie dann, gibt sie frei oder bezeugt sie. Ein Administrator dieses Laborbuchs kann Ihnen die Rolle Betreuer geben (Laborbuch ▸ Mitglieder).</translation>
    </message>
    <message>
        <source>Nothing is waiting for your signature.</source>
        <translation>Nichts wartet auf Ihre Signatur.</translation>
    </message>
    <message>
        <source>When an author signs an entry, it appears here for you to countersign. New signatures arrive with each sync.</source>
        <translation>Wenn ein Autor einen Eintrag signiert, erscheint er hier, damit Sie ihn gegenzeichnen. Neue Signaturen kommen mit jeder Synchronisation.</translation>
    </message>
</context>
<context>
    <name>quire::widgets::RevokeMemberDialog</name>
    <message>
        <source>Revoke a member</source>
        <translation>Einem Mitglied den Zugang entziehen</translation>
    </message>
    <message>
        <source>Revoke %1?</source>
        <translation>%1 den Zugang entziehen?</translation>
    </message>
    <message>
        <source>%1 (%2) keeps what they have already received, but will not be able to read anything written from now on, and what they write afterwards is refused. The reason is kept in the notebook&apos;s history.</source>
        <translation>%1 (%2) behält, was bereits empfangen wurde, kann aber nichts mehr lesen, was ab jetzt geschrieben wird, und was %1 danach schreibt, wird abgelehnt. Die Begründung wird im Prüfpfad des Laborbuchs festgehalten.</translation>
    </message>
    <message>
        <source>e.g. left the lab</source>
        <translation>z. B. hat das Labor verlassen</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <source>Re&amp;voke access</source>
        <translation>Zugang ent&amp;ziehen</translation>
    </message>
</context>
<context>
    <name>quire::widgets::SearchPanel</name>
    <message>
        <source>Any day</source>
        <translation>Beliebiges Datum</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Beliebige Person</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Beliebiges Schlagwort</translation>
    </message>
    <message>
        <source>The search did not work</source>
        <translation>Die Suche ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <source>File in %1</source>
        <translation>Datei in %1</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(ohne Titel)</translation>
    </message>
    <message>
        <source>Only the %1 most recent matches are shown; add words or filters to narrow them.</source>
        <translation>Nur die %1 neuesten Treffer werden angezeigt; grenzen Sie die Suche mit weiteren Wörtern oder Filtern ein.</translation>
    </message>
    <message>
        <source>No entries match.</source>
        <translation>Keine passenden Einträge.</translation>
    </message>
    <message>
        <source>Try fewer or shorter words: each word counts as the beginning of a word.</source>
        <translation>Versuchen Sie weniger oder kürzere Wörter: Jedes Wort gilt als Wortanfang.</translation>
    </message>
    <message>
        <source>Try fewer words, or clear the filters.</source>
        <translation>Versuchen Sie weniger Wörter oder setzen Sie die Filter zurück.</translation>
    </message>
    <message>
        <source>Search the notebook</source>
        <translation>Laborbuch durchsuchen</translation>
    </message>
    <message>
        <source>Type a few words to find entries, experiments and files by their titles and text. With a filter alone, every entry that meets it is listed.</source>
        <translation>Geben Sie einige Wörter ein, um Einträge, Experimente und Dateien nach Titel und Text zu finden. Mit einem Filter allein wird jeder passende Eintrag aufgelistet.</translation>
    </message>
    <message>
        <source>Filters (%1)</source>
        <translation>Filter (%1)</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Close the search and show the experiments again (Esc)</source>
        <translation>Die Suche schließen und wieder die Experimente zeigen (Esc)</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation>Suche schließen</translation>
    </message>
    <message>
        <source>Changed &amp;from:</source>
        <translation>Geändert a&amp;b:</translation>
    </message>
    <message>
        <source>Changed &amp;until:</source>
        <translation>Geändert b&amp;is:</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>&amp;Autor:</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>Schlag&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Signatures:</source>
        <translation>&amp;Signaturen:</translation>
    </message>
    <message>
        <source>Only what was last changed on or after this day</source>
        <translation>Nur was an oder nach diesem Tag zuletzt geändert wurde</translation>
    </message>
    <message>
        <source>Only what was last changed on or before this day</source>
        <translation>Nur was an oder vor diesem Tag zuletzt geändert wurde</translation>
    </message>
    <message>
        <source>Signed or not</source>
        <translation>Signiert oder nicht</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signiert</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>Nicht signiert</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>%n gefunden</numerusform>
            <numerusform>%n gefunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Gemeinsame Nutzung</translation>
    </message>
    <message>
        <source>The lab&apos;s git server that carries this notebook between its members, encrypted, and how to log in there.</source>
        <translation>Der Git-Server des Labors, der dieses Laborbuch verschlüsselt zwischen seinen Mitgliedern austauscht, und wie Sie sich dort anmelden.</translation>
    </message>
    <message>
        <source>&amp;Remote settings…</source>
        <translation>&amp;Repository-Einstellungen…</translation>
    </message>
    <message>
        <source>Trusted time</source>
        <translation>Vertrauenswürdige Zeit</translation>
    </message>
    <message>
        <source>The time-stamp authorities that vouch for when your records existed.</source>
        <translation>Die Zeitstempeldienste, die bestätigen, wann Ihre Aufzeichnungen existierten.</translation>
    </message>
    <message>
        <source>&amp;Time-stamp authorities…</source>
        <translation>&amp;Zeitstempeldienste…</translation>
    </message>
    <message>
        <source>Unlock the notebook to change these.</source>
        <translation>Entsperren Sie das Laborbuch, um dies zu ändern.</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>A notebook left open is locked after this time without a key pressed or the mouse moved. Unlocking asks for the passphrase again.</source>
        <translation>Ein offen gelassenes Laborbuch wird gesperrt, wenn so lange weder eine Taste gedrückt noch die Maus bewegt wurde. Beim Entsperren wird erneut nach der Passphrase gefragt.</translation>
    </message>
    <message>
        <source>Lock a&amp;fter</source>
        <translation>Sperren &amp;nach</translation>
    </message>
    <message>
        <source>minutes without use</source>
        <translation>Minuten ohne Benutzung</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>Spr&amp;ache</translation>
    </message>
    <message>
        <source>The language of menus, buttons and messages. Entries stay in the language they were written in.</source>
        <translation>Die Sprache von Menüs, Schaltflächen und Meldungen. Einträge bleiben in der Sprache, in der sie geschrieben wurden.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>quire::widgets::SharingController</name>
    <message>
        <source>Time not yet attested</source>
        <translation>Zeit noch nicht bestätigt</translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation>Synchronisationsstatus</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop this sync; nothing is lost, the changes are sent next time</source>
        <translation>Diese Synchronisation abbrechen; nichts geht verloren, die Änderungen werden beim nächsten Mal gesendet</translation>
    </message>
    <message numerus="yes">
        <source>%n records have no trusted time yet.</source>
        <translation>
            <numerusform>%n Aufzeichnung hat noch keine vertrauenswürdige Zeit.</numerusform>
            <numerusform>%n Aufzeichnungen haben noch keine vertrauenswürdige Zeit.</numerusform>
        </translation>
    </message>
    <message>
        <source>The time-stamp authority is asked again at the next sync; nothing is lost meanwhile. Click to see the time-stamp settings.</source>
        <translation>Der Zeitstempeldienst wird bei der nächsten Synchronisation erneut angefragt; bis dahin geht nichts verloren. Klicken Sie, um die Zeitstempel-Einstellungen zu sehen.</translation>
    </message>
    <message>
        <source>Last attempt: %1</source>
        <translation>Letzter Versuch: %1</translation>
    </message>
    <message>
        <source>Set the shared repository first.</source>
        <translation>Legen Sie zuerst das gemeinsame Repository fest.</translation>
    </message>
    <message>
        <source>Remote settings saved.</source>
        <translation>Repository-Einstellungen gespeichert.</translation>
    </message>
</context>
<context>
    <name>quire::widgets::SidebarDelegate</name>
    <message>
        <source>No tags</source>
        <translation>Keine Schlagwörter</translation>
    </message>
</context>
<context>
    <name>quire::widgets::SidebarModel</name>
    <message>
        <source>No entries</source>
        <translation>Keine Einträge</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekte</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>All experiments</source>
        <translation>Alle Experimente</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>Ohne Projekt</translation>
    </message>
    <message numerus="yes">
        <source>%n experiments</source>
        <translation>
            <numerusform>%n Experiment</numerusform>
            <numerusform>%n Experimente</numerusform>
        </translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation>Projekt: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Schlagwörter: %1</translation>
    </message>
    <message>
        <source>Last change: %1</source>
        <translation>Letzte Änderung: %1</translation>
    </message>
    <message>
        <source>Signed by %1; waits for your countersignature.
%2</source>
        <translation>Signiert von %1; wartet auf Ihre Gegenzeichnung.
%2</translation>
    </message>
    <message>
        <source>%1  ·  signed by %2</source>
        <translation>%1  ·  signiert von %2</translation>
    </message>
    <message>
        <source>Inbox (%1)</source>
        <translation>Eingang (%1)</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>aufbewahrt</translation>
    </message>
    <message>
        <source>not readable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>Instrument: %1</source>
        <translation>Gerät: %1</translation>
    </message>
    <message>
        <source>Captured: %1</source>
        <translation>Übernommen: %1</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Aus: %1</translation>
    </message>
    <message>
        <source>Read as: %1</source>
        <translation>Gelesen als: %1</translation>
    </message>
    <message>
        <source>No reader could read it: %1</source>
        <translation>Kein Leser konnte sie lesen: %1</translation>
    </message>
    <message>
        <source>Drag it onto an entry on the page to file it there, or onto an experiment to choose the entry; right-click for more.</source>
        <translation>Ziehen Sie sie auf einen Eintrag der Seite, um sie dort abzulegen, oder auf ein Experiment, um den Eintrag zu wählen; Rechtsklick für mehr.</translation>
    </message>
    <message>
        <source>%1  ·  %2  ·  %3</source>
        <translation>%1  ·  %2  ·  %3</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>Wartet auf mich</translation>
    </message>
    <message>
        <source>%1 requested changes of version %2 (%3):
%4</source>
        <translation>%1 bittet um Änderungen an Version %2 (%3):
%4</translation>
    </message>
    <message>
        <source>%1  ·  changes requested by %2</source>
        <translation>%1  ·  Änderungen erbeten von %2</translation>
    </message>
</context>
<context>
    <name>quire::widgets::SignDialog</name>
    <message>
        <source>You wrote this entry, and it records what you did.</source>
        <translation>Sie haben diesen Eintrag geschrieben, und er hält fest, was Sie getan haben.</translation>
    </message>
    <message>
        <source>You have checked this entry and what it records.</source>
        <translation>Sie haben diesen Eintrag und das, was er festhält, geprüft.</translation>
    </message>
    <message>
        <source>You approve this entry.</source>
        <translation>Sie geben diesen Eintrag frei.</translation>
    </message>
    <message>
        <source>You have read and understood this entry, and witness it.</source>
        <translation>Sie haben diesen Eintrag gelesen und verstanden und bezeugen ihn.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>By signing, I, %1, confirm that this electronic signature is the legally binding equivalent of my handwritten signature (21 CFR 11.100), and that I am the author of this version of the entry.</source>
        <translation>Mit meiner Signatur bestätige ich, %1, dass diese elektronische Signatur die rechtsverbindliche Entsprechung meiner handschriftlichen Unterschrift ist (21 CFR 11.100) und dass ich diese Version des Eintrags verfasst habe.</translation>
    </message>
    <message>
        <source>By signing, I, %1, confirm that this electronic signature is the legally binding equivalent of my handwritten signature (21 CFR 11.100), and that I have reviewed this version of the entry.</source>
        <translation>Mit meiner Signatur bestätige ich, %1, dass diese elektronische Signatur die rechtsverbindliche Entsprechung meiner handschriftlichen Unterschrift ist (21 CFR 11.100) und dass ich diese Version des Eintrags geprüft habe.</translation>
    </message>
    <message>
        <source>By signing, I, %1, confirm that this electronic signature is the legally binding equivalent of my handwritten signature (21 CFR 11.100), and that I approve this version of the entry.</source>
        <translation>Mit meiner Signatur bestätige ich, %1, dass diese elektronische Signatur die rechtsverbindliche Entsprechung meiner handschriftlichen Unterschrift ist (21 CFR 11.100) und dass ich diese Version des Eintrags freigebe.</translation>
    </message>
    <message>
        <source>By signing, I, %1, confirm that this electronic signature is the legally binding equivalent of my handwritten signature (21 CFR 11.100), and that I have read, understood and witnessed this version of the entry.</source>
        <translation>Mit meiner Signatur bestätige ich, %1, dass diese elektronische Signatur die rechtsverbindliche Entsprechung meiner handschriftlichen Unterschrift ist (21 CFR 11.100) und dass ich diese Version des Eintrags gelesen, verstanden und bezeugt habe.</translation>
    </message>
    <message>
        <source>version %1 of %2 (not the latest)</source>
        <translation>Version %1 von %2 (nicht die neueste)</translation>
    </message>
    <message>
        <source>version %1 of %2</source>
        <translation>Version %1 von %2</translation>
    </message>
    <message>
        <source>Sign entry</source>
        <translation>Eintrag signieren</translation>
    </message>
    <message>
        <source>Sign an entry</source>
        <translation>Einen Eintrag signieren</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Entry:</source>
        <translation>&amp;Eintrag:</translation>
    </message>
    <message>
        <source>What your signature means:</source>
        <translation>Was Ihre Signatur bedeutet:</translation>
    </message>
    <message>
        <source>Your notebook passphrase, asked again for each signature</source>
        <translation>Die Passphrase Ihres Laborbuchs, bei jeder Signatur erneut abgefragt</translation>
    </message>
    <message>
        <source>Signing as:</source>
        <translation>Sie signieren als:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Checking the passphrase and signing…</source>
        <translation>Passphrase wird geprüft und Signatur erstellt…</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Signieren</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signiert</translation>
    </message>
    <message>
        <source>Your signature, as it is shown on screen and in every export:</source>
        <translation>Ihre Signatur, wie sie auf dem Bildschirm und in jedem Export erscheint:</translation>
    </message>
    <message>
        <source>It is kept with version %1 of “%2”. A time-stamp authority attests its time at the next sync, if one is set under Notebook ▸ Time-stamp authorities.</source>
        <translation>Die Signatur wird bei Version %1 von „%2“ aufbewahrt. Ein Zeitstempeldienst bestätigt ihre Zeit bei der nächsten Synchronisation, sofern einer unter Laborbuch ▸ Zeitstempeldienste eingerichtet ist.</translation>
    </message>
    <message>
        <source>&amp;Export evidence…</source>
        <translation>Nachweis e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the signature, the signed statement, the certificates and a script that checks them with openssl alone</source>
        <translation>Signatur, signierte Erklärung, Zertifikate und ein Skript speichern, das sie allein mit openssl prüft</translation>
    </message>
    <message>
        <source>There is no entry here that can be signed.</source>
        <translation>Hier gibt es keinen Eintrag, der signiert werden kann.</translation>
    </message>
    <message>
        <source>“%1” — %2</source>
        <translation>„%1“ — %2</translation>
    </message>
    <message>
        <source>You cannot sign this version: the reasons are given beside each meaning.</source>
        <translation>Sie können diese Version nicht signieren: Die Gründe stehen neben jeder Bedeutung.</translation>
    </message>
    <message>
        <source>Enter your passphrase to sign.</source>
        <translation>Geben Sie Ihre Passphrase ein, um zu signieren.</translation>
    </message>
    <message>
        <source>Choose a folder for the signature evidence</source>
        <translation>Wählen Sie einen Ordner für den Signaturnachweis</translation>
    </message>
    <message>
        <source>The evidence is in %1. Anyone can check it there with verify.sh, which needs only bash and openssl.</source>
        <translation>Der Nachweis liegt in %1. Jeder kann ihn dort mit verify.sh prüfen; dafür sind nur bash und openssl nötig.</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Signature evidence – %1 – %2</source>
        <translation>Signaturnachweis – %1 – %2</translation>
    </message>
</context>
<context>
    <name>quire::widgets::SignPdfDialog</name>
    <message>
        <source>Sign a PDF</source>
        <translation>PDF signieren</translation>
    </message>
    <message>
        <source>Sign a PDF exported from this notebook</source>
        <translation>Ein aus diesem Notizbuch exportiertes PDF signieren</translation>
    </message>
    <message>
        <source>Before signing, Quire checks that the earlier signatures are valid and that the records the PDF carries are identical to this notebook&apos;s. The signature is added to the file; nothing in it changes.</source>
        <translation>Vor dem Signieren prüft Quire, dass die früheren Signaturen gültig sind und dass die Datensätze im PDF mit denen dieses Notizbuchs übereinstimmen. Die Signatur wird der Datei hinzugefügt; nichts darin ändert sich.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Save the signed PDF as</source>
        <translation>Signiertes PDF speichern als</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a PDF to sign</source>
        <translation>PDF zum Signieren auswählen</translation>
    </message>
    <message>
        <source>&amp;PDF:</source>
        <translation>&amp;PDF:</translation>
    </message>
    <message>
        <source>Save &amp;signed PDF as:</source>
        <translation>&amp;Signiertes PDF speichern als:</translation>
    </message>
    <message>
        <source>&amp;Meaning:</source>
        <translation>&amp;Bedeutung:</translation>
    </message>
    <message>
        <source>Your notebook passphrase, asked again to sign</source>
        <translation>Ihre Passphrase des Notizbuchs, zum Signieren erneut abgefragt</translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation>Pass&amp;phrase:</translation>
    </message>
    <message>
        <source>Checking, signing and time-stamping…</source>
        <translation>Wird geprüft, signiert und mit Zeitstempel versehen…</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Signieren</translation>
    </message>
    <message>
        <source>%1 (signed).pdf</source>
        <translation>%1 (signiert).pdf</translation>
    </message>
    <message>
        <source>You sign this PDF as “%1”. This electronic signature is the legally binding equivalent of the handwritten signature of %2 &lt;%3&gt; (21 CFR 11.100).</source>
        <translation>Sie signieren dieses PDF als „%1“. Diese elektronische Signatur ist das rechtsverbindliche Gegenstück zur handschriftlichen Unterschrift von %2 &lt;%3&gt; (21 CFR 11.100).</translation>
    </message>
    <message>
        <source>Choose the PDF to sign and where the signed PDF is saved.</source>
        <translation>Wählen Sie das zu signierende PDF und wo das signierte PDF gespeichert wird.</translation>
    </message>
    <message>
        <source>%1 could not be read: %2.</source>
        <translation>%1 konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 Nothing was signed.</source>
        <translation>%1 Es wurde nichts signiert.</translation>
    </message>
    <message>
        <source>Enter your passphrase to sign.</source>
        <translation>Geben Sie Ihre Passphrase ein, um zu signieren.</translation>
    </message>
    <message>
        <source>The signed PDF could not be saved as %1: %2.</source>
        <translation>Das signierte PDF konnte nicht als %1 gespeichert werden: %2.</translation>
    </message>
    <message>
        <source>Signed, not yet time-stamped (%1): add the time-stamp later.</source>
        <translation>Signiert, noch ohne Zeitstempel (%1): fügen Sie den Zeitstempel später hinzu.</translation>
    </message>
    <message>
        <source>Signed and time-stamped (PAdES %1).</source>
        <translation>Signiert und mit Zeitstempel versehen (PAdES %1).</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
</context>
<context>
    <name>quire::widgets::SigningController</name>
    <message>
        <source>Signed: %1</source>
        <translation>Signiert: %1</translation>
    </message>
    <message>
        <source>Nothing to sign</source>
        <translation>Nichts zu signieren</translation>
    </message>
    <message>
        <source>signatures are given to entries; choose an experiment with entries first</source>
        <translation>signiert werden Einträge; wählen Sie zuerst ein Experiment mit Einträgen</translation>
    </message>
    <message>
        <source>The entry could not be read</source>
        <translation>Der Eintrag konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Choose a folder for the evidence of %1’s signature</source>
        <translation>Wählen Sie einen Ordner für den Nachweis der Signatur von %1</translation>
    </message>
    <message>
        <source>The evidence could not be exported</source>
        <translation>Der Nachweis konnte nicht exportiert werden</translation>
    </message>
    <message>
        <source>Evidence exported</source>
        <translation>Nachweis exportiert</translation>
    </message>
    <message>
        <source>The evidence of %1’s signature is in this folder:</source>
        <translation>Der Nachweis der Signatur von %1 liegt in diesem Ordner:</translation>
    </message>
    <message>
        <source>%1

Anyone can check it there with verify.sh, which needs only bash and openssl.</source>
        <translation>%1

Jeder kann ihn dort mit verify.sh prüfen; dafür sind nur bash und openssl nötig.</translation>
    </message>
    <message>
        <source>Show folder</source>
        <translation>Ordner anzeigen</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>Nichts zu exportieren</translation>
    </message>
    <message>
        <source>choose an experiment with entries first</source>
        <translation>wählen Sie zuerst ein Experiment mit Einträgen</translation>
    </message>
    <message>
        <source>The experiment could not be read</source>
        <translation>Das Experiment konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>Exported as %1</source>
        <translation>Exportiert als %1</translation>
    </message>
    <message>
        <source>Choose a PDF to verify</source>
        <translation>PDF zum Prüfen auswählen</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
</context>
<context>
    <name>quire::widgets::StartWindow</name>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Remove from list</source>
        <translation>Aus der Liste &amp;entfernen</translation>
    </message>
    <message>
        <source>Quire — Open a notebook</source>
        <translation>Quire — Ein Laborbuch öffnen</translation>
    </message>
    <message>
        <source>Which notebook do you want to work in?</source>
        <translation>In welchem Laborbuch möchten Sie arbeiten?</translation>
    </message>
    <message>
        <source>&amp;Recent notebooks</source>
        <translation>&amp;Zuletzt geöffnete Laborbücher</translation>
    </message>
    <message>
        <source>Recent notebooks</source>
        <translation>Zuletzt geöffnete Laborbücher</translation>
    </message>
    <message>
        <source>Enter opens the chosen notebook; Delete removes it from the list.</source>
        <translation>Eingabe öffnet das gewählte Laborbuch; Entf entfernt es aus der Liste.</translation>
    </message>
    <message>
        <source>No notebook opened on this computer yet. Create one, or use one you already have.</source>
        <translation>Auf diesem Computer wurde noch kein Laborbuch geöffnet. Legen Sie eines an, oder nutzen Sie eines, das Sie schon haben.</translation>
    </message>
    <message>
        <source>Re&amp;move from list</source>
        <translation>Aus der Liste ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Create a notebook…</source>
        <translation>Laborbuch &amp;anlegen…</translation>
    </message>
    <message>
        <source>A new notebook, with you as its first member and admin</source>
        <translation>Ein neues Laborbuch, mit Ihnen als erstem Mitglied und Administrator</translation>
    </message>
    <message>
        <source>Open a &amp;folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>A notebook folder on this computer or a drive</source>
        <translation>Ein Laborbuch-Ordner auf diesem Computer oder einem Laufwerk</translation>
    </message>
    <message>
        <source>&amp;Join with an invitation file…</source>
        <translation>Mit einer &amp;Einladungsdatei beitreten…</translation>
    </message>
    <message>
        <source>A lab&apos;s admin sent you an invitation file to join their notebook</source>
        <translation>Der Administrator eines Labors hat Ihnen eine Einladungsdatei für sein Laborbuch geschickt</translation>
    </message>
    <message>
        <source>I already use this notebook on &amp;another computer…</source>
        <translation>Ich nutze dieses Laborbuch schon auf einem &amp;anderen Computer…</translation>
    </message>
    <message>
        <source>Bring the offer file from your other computer: you stay the same member</source>
        <translation>Bringen Sie die Angebotsdatei von Ihrem anderen Computer mit: Sie bleiben dasselbe Mitglied</translation>
    </message>
    <message>
        <source>Notebook</source>
        <translation>Laborbuch</translation>
    </message>
    <message>
        <source>%1 · last opened %2</source>
        <translation>%1 · zuletzt geöffnet %2</translation>
    </message>
    <message>
        <source>%1 · folder not found</source>
        <translation>%1 · Ordner nicht gefunden</translation>
    </message>
    <message>
        <source>Open a notebook folder</source>
        <translation>Einen Laborbuch-Ordner öffnen</translation>
    </message>
    <message>
        <source>No notebook there</source>
        <translation>Dort ist kein Laborbuch</translation>
    </message>
    <message>
        <source>%1 holds no notebook. Choose a notebook&apos;s folder (the one with quire.db in it), or an empty folder for a new notebook.</source>
        <translation>%1 enthält kein Laborbuch. Wählen Sie den Ordner eines Laborbuchs (den mit quire.db darin) oder einen leeren Ordner für ein neues Laborbuch.</translation>
    </message>
</context>
<context>
    <name>quire::widgets::StrengthMeter</name>
    <message>
        <source>Passphrase strength</source>
        <translation>Stärke der Passphrase</translation>
    </message>
</context>
<context>
    <name>quire::widgets::SyncController</name>
    <message>
        <source>Not shared</source>
        <translation>Nicht geteilt</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Warten auf Genehmigung</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Syncing… %1 of %2</source>
        <translation>Wird synchronisiert… %1 von %2</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>Up to date · %1</source>
        <translation>Aktuell · %1</translation>
    </message>
    <message>
        <source>Offline — %1 waiting</source>
        <translation>Offline — %1 ausstehend</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Sync cancelled — %1 waiting</source>
        <translation>Synchronisation abgebrochen — %1 ausstehend</translation>
    </message>
    <message>
        <source>Sync cancelled</source>
        <translation>Synchronisation abgebrochen</translation>
    </message>
    <message>
        <source>Alarm: the shared copy was altered</source>
        <translation>Alarm: Die gemeinsame Kopie wurde verändert</translation>
    </message>
    <message>
        <source>Alarm: 1 file from the server refused</source>
        <translation>Alarm: 1 Datei vom Server abgelehnt</translation>
    </message>
    <message>
        <source>Alarm: %1 files from the server refused</source>
        <translation>Alarm: %1 Dateien vom Server abgelehnt</translation>
    </message>
    <message>
        <source>This notebook is kept on this computer only. To share it, set the lab&apos;s shared repository under Notebook ▸ Remote settings….</source>
        <translation>Dieses Laborbuch liegt nur auf diesem Computer. Um es zu teilen, legen Sie das gemeinsame Repository des Labors unter Laborbuch ▸ Repository-Einstellungen… fest.</translation>
    </message>
    <message>
        <source>An admin of this notebook has to approve your join request before you can read or write in it. Quire asks the shared repository again at each sync.</source>
        <translation>Ein Administrator dieses Laborbuchs muss Ihre Beitrittsanfrage genehmigen, bevor Sie darin lesen oder schreiben können. Quire fragt bei jeder Synchronisation erneut beim gemeinsamen Repository nach.</translation>
    </message>
    <message>
        <source>Shared through %1. The first sync starts shortly; click to sync now.</source>
        <translation>Geteilt über %1. Die erste Synchronisation beginnt in Kürze; klicken Sie, um jetzt zu synchronisieren.</translation>
    </message>
    <message>
        <source>%1 on this computer, to be sent to %2 at the next sync. Click to sync now.</source>
        <translation>Auf diesem Computer: %1. Versand an %2 bei der nächsten Synchronisation; klicken Sie, um jetzt zu synchronisieren.</translation>
    </message>
    <message>
        <source>Receiving changes from %1</source>
        <translation>Änderungen werden von %1 empfangen</translation>
    </message>
    <message>
        <source>Checking and adding what arrived from %1</source>
        <translation>Was von %1 eingetroffen ist, wird geprüft und übernommen</translation>
    </message>
    <message>
        <source>Sending this notebook&apos;s changes to %1</source>
        <translation>Änderungen dieses Laborbuchs werden an %1 gesendet</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>Verbindung zu %1 wird hergestellt</translation>
    </message>
    <message>
        <source>Everything is shared with %1 (last sync at %2). Click to sync now.</source>
        <translation>Alles ist mit %1 geteilt (letzte Synchronisation um %2). Klicken Sie, um jetzt zu synchronisieren.</translation>
    </message>
    <message>
        <source>The sync at %1 did not complete: %2
Nothing is lost: your changes stay in this notebook and are sent at the next sync.</source>
        <translation>Die Synchronisation um %1 wurde nicht abgeschlossen: %2
Nichts geht verloren: Ihre Änderungen bleiben in diesem Laborbuch und werden bei der nächsten Synchronisation gesendet.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>Click for details.</source>
        <translation>Klicken Sie für Details.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes waiting to send</source>
        <translation>
            <numerusform>%n Änderung wartet auf den Versand</numerusform>
            <numerusform>%n Änderungen warten auf den Versand</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::TemplateController</name>
    <message>
        <source>The experiment could not be created</source>
        <translation>Das Experiment konnte nicht angelegt werden</translation>
    </message>
    <message>
        <source>Experiment “%1” created</source>
        <translation>Experiment „%1“ angelegt</translation>
    </message>
    <message>
        <source>The experiment cannot be saved as a template</source>
        <translation>Das Experiment kann nicht als Vorlage gespeichert werden</translation>
    </message>
    <message>
        <source>only an admin may write templates in this notebook; an admin can let authors write them too</source>
        <translation>nur ein Administrator darf in diesem Notizbuch Vorlagen schreiben; ein Administrator kann es auch Autoren erlauben</translation>
    </message>
    <message>
        <source>The template keeps the title, project, tags and the text of every entry of “%1”; pictures and files stay with the experiment.</source>
        <translation>Die Vorlage behält Titel, Projekt, Schlagwörter und den Text jedes Eintrags von „%1“; Bilder und Dateien bleiben beim Experiment.</translation>
    </message>
    <message>
        <source>The template could not be saved</source>
        <translation>Die Vorlage konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <source>Template “%1” saved</source>
        <translation>Vorlage „%1“ gespeichert</translation>
    </message>
</context>
<context>
    <name>quire::widgets::TemplateNameDialog</name>
    <message>
        <source>Save as template</source>
        <translation>Als Vorlage speichern</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Save template</source>
        <translation>Vorlage &amp;speichern</translation>
    </message>
</context>
<context>
    <name>quire::widgets::TemplatePickerDialog</name>
    <message>
        <source>Project: %1</source>
        <translation>Projekt: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Schlagwörter: %1</translation>
    </message>
    <message>
        <source>New experiment from template</source>
        <translation>Neues Experiment aus Vorlage</translation>
    </message>
    <message>
        <source>Insert template</source>
        <translation>Vorlage einfügen</translation>
    </message>
    <message>
        <source>Insert a template</source>
        <translation>Eine Vorlage einfügen</translation>
    </message>
    <message>
        <source>The new experiment gets the template&apos;s project, tags and entries; each entry is a first version that names the template.</source>
        <translation>Das neue Experiment erhält Projekt, Schlagwörter und Einträge der Vorlage; jeder Eintrag ist eine erste Version, die die Vorlage nennt.</translation>
    </message>
    <message>
        <source>The template&apos;s text goes into the entry where the cursor is.</source>
        <translation>Der Text der Vorlage wird an der Cursorposition in den Eintrag eingefügt.</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>e.g. Western blot of 7 December</source>
        <translation>z. B. Western Blot vom 7. Dezember</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Create experiment</source>
        <translation>Experiment &amp;anlegen</translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <source>By %1</source>
        <translation>Von %1</translation>
    </message>
    <message>
        <source>There are no experiment templates yet. Save an experiment as a template from the File menu.</source>
        <translation>Es gibt noch keine Experimentvorlagen. Speichern Sie ein Experiment im Menü Datei als Vorlage.</translation>
    </message>
    <message>
        <source>There are no entry templates yet.</source>
        <translation>Es gibt noch keine Eintragsvorlagen.</translation>
    </message>
</context>
<context>
    <name>quire::widgets::TextIndexController</name>
    <message>
        <source>Search cannot find “%1” by its text: %2.</source>
        <translation>Die Suche findet „%1“ nicht über seinen Text: %2.</translation>
    </message>
</context>
<context>
    <name>quire::widgets::TimestampSettingsDialog</name>
    <message>
        <source>Set for the whole notebook by an admin, the same on every member&apos;s computer: %1. Addresses and certificates below add to them on this computer only.</source>
        <translation>Für das ganze Laborbuch von einer Administratorin oder einem Administrator festgelegt, auf dem Computer jedes Mitglieds gleich: %1. Adressen und Zertifikate hier unten ergänzen sie nur auf diesem Computer.</translation>
    </message>
    <message>
        <source>Earlier time-stamps renewed by %1 before their authority&apos;s certificate ends (anchors renewed: %2).</source>
        <translation>Frühere Zeitstempel bei %1 erneuert, bevor das Zertifikat ihres Zeitstempeldienstes abläuft (erneuerte Anker: %2).</translation>
    </message>
    <message>
        <source>Time-stamp authorities</source>
        <translation>Zeitstempeldienste</translation>
    </message>
    <message>
        <source>A time-stamp authority vouches for when your records existed, so that their dates do not rest on this computer&apos;s clock alone. Quire asks one at each sync; only a fingerprint of the records is sent, never their content.</source>
        <translation>Ein Zeitstempeldienst bestätigt, wann Ihre Aufzeichnungen existierten, damit ihr Zeitpunkt nicht allein von der Uhr dieses Computers abhängt. Quire fragt bei jeder Synchronisation einen solchen Dienst an; gesendet wird nur ein Fingerabdruck der Aufzeichnungen, nie ihr Inhalt.</translation>
    </message>
    <message>
        <source>&amp;Addresses, one per line, tried in order:</source>
        <translation>&amp;Adressen, eine pro Zeile, der Reihe nach versucht:</translation>
    </message>
    <message>
        <source>e.g. https://tsa.example.org/tsr</source>
        <translation>z. B. https://tsa.example.org/tsr</translation>
    </message>
    <message>
        <source>Trusted certificates:</source>
        <translation>Vertrauenswürdige Zertifikate:</translation>
    </message>
    <message>
        <source>C&amp;hoose files…</source>
        <translation>Dateien a&amp;uswählen…</translation>
    </message>
    <message>
        <source>The certificates (PEM) of the authorities, or of the authority that issued theirs; they replace the ones trusted so far</source>
        <translation>Die Zertifikate (PEM) der Dienste oder der Stelle, die deren Zertifikate ausgestellt hat; sie ersetzen die bisher vertrauenswürdigen</translation>
    </message>
    <message>
        <source>A&amp;ttest now</source>
        <translation>Jetzt &amp;bestätigen lassen</translation>
    </message>
    <message>
        <source>Save these settings and ask the authorities to attest every record that waits</source>
        <translation>Diese Einstellungen speichern und die Dienste bitten, jede wartende Aufzeichnung zu bestätigen</translation>
    </message>
    <message>
        <source>Asking the time-stamp authority…</source>
        <translation>Zeitstempeldienst wird angefragt…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Choose the time-stamp authorities&apos; certificates</source>
        <translation>Wählen Sie die Zertifikate der Zeitstempeldienste</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>None yet: without them no time-stamp can be checked.</source>
        <translation>Noch keine: Ohne sie kann kein Zeitstempel geprüft werden.</translation>
    </message>
    <message>
        <source>%1 — SHA-256 %2…</source>
        <translation>%1 — SHA-256 %2…</translation>
    </message>
    <message>
        <source>Every record has a trusted time.</source>
        <translation>Jede Aufzeichnung hat eine vertrauenswürdige Zeit.</translation>
    </message>
    <message>
        <source>%1 cannot be read as a certificate file.</source>
        <translation>%1 kann nicht als Zertifikatsdatei gelesen werden.</translation>
    </message>
    <message>
        <source>%1 holds no certificate in PEM form (the text form that starts with “-----BEGIN CERTIFICATE-----”).</source>
        <translation>%1 enthält kein Zertifikat im PEM-Format (der Textform, die mit „-----BEGIN CERTIFICATE-----“ beginnt).</translation>
    </message>
    <message>
        <source>Choose the certificates to trust as well: without them no time-stamp can be checked.</source>
        <translation>Wählen Sie auch die Zertifikate aus, denen vertraut werden soll: Ohne sie kann kein Zeitstempel geprüft werden.</translation>
    </message>
    <message>
        <source>Add the address of at least one time-stamp authority first.</source>
        <translation>Geben Sie zuerst die Adresse mindestens eines Zeitstempeldienstes ein.</translation>
    </message>
    <message>
        <source>Nothing was attested: %1 The records wait and are sent again at the next sync.</source>
        <translation>Nichts wurde bestätigt: %1 Die Aufzeichnungen warten und werden bei der nächsten Synchronisation erneut gesendet.</translation>
    </message>
    <message>
        <source>Nothing was waiting: every record already has a trusted time.</source>
        <translation>Nichts hat gewartet: Jede Aufzeichnung hat bereits eine vertrauenswürdige Zeit.</translation>
    </message>
    <message>
        <source>Did not answer first: %1</source>
        <translation>Zuvor ohne Antwort: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n certificates trusted</source>
        <translation>
            <numerusform>%n vertrauenswürdiges Zertifikat</numerusform>
            <numerusform>%n vertrauenswürdige Zertifikate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records are not yet attested.</source>
        <translation>
            <numerusform>%n Aufzeichnung ist noch nicht bestätigt.</numerusform>
            <numerusform>%n Aufzeichnungen sind noch nicht bestätigt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records attested at %1 by %2.</source>
        <translation>
            <numerusform>%n Aufzeichnung am %1 von %2 bestätigt.</numerusform>
            <numerusform>%n Aufzeichnungen am %1 von %2 bestätigt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::UnlockDialog</name>
    <message>
        <source>Unlock notebook</source>
        <translation>Laborbuch entsperren</translation>
    </message>
    <message>
        <source>Unlock your notebook</source>
        <translation>Entsperren Sie Ihr Laborbuch</translation>
    </message>
    <message>
        <source>Notebook folder: %1</source>
        <translation>Ordner des Laborbuchs: %1</translation>
    </message>
    <message>
        <source>Your notebook passphrase</source>
        <translation>Die Passphrase Ihres Laborbuchs</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wird entsperrt…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>The passphrase is wrong. Check Caps Lock and try again.</source>
        <translation>Die Passphrase ist falsch. Prüfen Sie die Feststelltaste und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>quire::widgets::VerifyPdfDialog</name>
    <message>
        <source>✔ Yes:</source>
        <translation>✔ Ja:</translation>
    </message>
    <message>
        <source>✘ No:</source>
        <translation>✘ Nein:</translation>
    </message>
    <message>
        <source>Verify a PDF</source>
        <translation>PDF prüfen</translation>
    </message>
    <message>
        <source>Verification of %1</source>
        <translation>Prüfung von %1</translation>
    </message>
    <message>
        <source>Checking the signatures and the embedded records…</source>
        <translation>Signaturen und eingebettete Datensätze werden geprüft…</translation>
    </message>
    <message>
        <source>could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is too large</source>
        <translation>%1 ist zu groß</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>✘ The PDF could not be checked: %1</source>
        <translation>✘ Das PDF konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>✔ The PDF verifies: every signature is valid and the records it carries are identical to this notebook&apos;s.</source>
        <translation>✔ Das PDF ist gültig: jede Signatur ist gültig, und die Datensätze darin stimmen mit denen dieses Notizbuchs überein.</translation>
    </message>
    <message>
        <source>✘ The PDF does NOT verify: see the problems below.</source>
        <translation>✘ Das PDF ist NICHT gültig: siehe die Probleme unten.</translation>
    </message>
    <message>
        <source>The PDF carries no signature.</source>
        <translation>Das PDF trägt keine Signatur.</translation>
    </message>
    <message>
        <source>Document time-stamp %1</source>
        <translation>Dokument-Zeitstempel %1</translation>
    </message>
    <message>
        <source>Authority: %1</source>
        <translation>Autorität: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Time: %1 UTC</source>
        <translation>Zeit: %1 UTC</translation>
    </message>
    <message>
        <source>Signature %1: %2</source>
        <translation>Signatur %1: %2</translation>
    </message>
    <message>
        <source>Signer: %1 &lt;%2&gt;</source>
        <translation>Unterzeichner: %1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Meaning: %1</source>
        <translation>Bedeutung: %1</translation>
    </message>
    <message>
        <source>Time claimed by the signer: %1</source>
        <translation>Vom Unterzeichner angegebene Zeit: %1</translation>
    </message>
    <message>
        <source>not yet time-stamped: nothing proves when it was made</source>
        <translation>noch ohne Zeitstempel: nichts belegt, wann sie erstellt wurde</translation>
    </message>
    <message>
        <source>time-stamped %1 UTC by %2 (PAdES %3)</source>
        <translation>mit Zeitstempel %1 UTC von %2 (PAdES %3)</translation>
    </message>
    <message>
        <source>the certificate chains to this notebook&apos;s CA</source>
        <translation>das Zertifikat führt zur Zertifizierungsstelle dieses Notizbuchs</translation>
    </message>
    <message>
        <source>the certificate was not issued by this notebook&apos;s CA</source>
        <translation>das Zertifikat wurde nicht von der Zertifizierungsstelle dieses Notizbuchs ausgestellt</translation>
    </message>
    <message>
        <source>the signed bytes are intact</source>
        <translation>die signierten Bytes sind unverändert</translation>
    </message>
    <message>
        <source>the signed bytes were changed</source>
        <translation>die signierten Bytes wurden verändert</translation>
    </message>
    <message>
        <source>it covers the whole file</source>
        <translation>sie deckt die ganze Datei ab</translation>
    </message>
    <message>
        <source>added after it, as allowed: %1</source>
        <translation>danach hinzugefügt, wie erlaubt: %1</translation>
    </message>
    <message>
        <source>not allowed after signing: %1</source>
        <translation>nach dem Signieren nicht erlaubt: %1</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>NOT valid</source>
        <translation>NICHT gültig</translation>
    </message>
    <message>
        <source>Embedded evidence</source>
        <translation>Eingebetteter Nachweis</translation>
    </message>
    <message>
        <source>the PDF carries no records from a Quire notebook</source>
        <translation>das PDF trägt keine Datensätze aus einem Quire-Notizbuch</translation>
    </message>
    <message>
        <source>%1 records, %2 electronic signatures, %3 Merkle paths and %4 time-stamp tokens</source>
        <translation>%1 Datensätze, %2 elektronische Signaturen, %3 Merkle-Pfade und %4 Zeitstempel-Token</translation>
    </message>
    <message>
        <source>every record, seal and signature is identical to this notebook&apos;s copy</source>
        <translation>jeder Datensatz, jedes Siegel und jede Signatur stimmt mit der Kopie dieses Notizbuchs überein</translation>
    </message>
    <message>
        <source>the time-stamp is valid, from an authority this notebook trusts</source>
        <translation>der Zeitstempel ist gültig und stammt von einer Autorität, der dieses Notizbuch vertraut</translation>
    </message>
    <message>
        <source>the time-stamp is not valid, or its authority is not one this notebook trusts</source>
        <translation>der Zeitstempel ist nicht gültig, oder seine Autorität ist keine, der dieses Notizbuch vertraut</translation>
    </message>
</context>
<context>
    <name>quire::widgets::VoidEntryDialog</name>
    <message>
        <source>Void entry</source>
        <translation>Eintrag ungültig machen</translation>
    </message>
    <message>
        <source>Void “%1”?</source>
        <translation>„%1“ ungültig machen?</translation>
    </message>
    <message>
        <source>Voiding withdraws the entry: it stays in the notebook, struck through and marked as voided with your reason, and every version stays readable in its history. Nothing is deleted, and a voided entry cannot be changed or signed any more.</source>
        <translation>Ungültig machen zieht den Eintrag zurück: Er bleibt im Laborbuch, durchgestrichen und mit Ihrer Begründung als ungültig gekennzeichnet, und jede Version bleibt in seinem Verlauf lesbar. Nichts wird gelöscht; ein ungültiger Eintrag kann nicht mehr geändert oder signiert werden.</translation>
    </message>
    <message>
        <source>Its signatures stay with the versions they signed.</source>
        <translation>Seine Signaturen bleiben bei den Versionen, die sie signiert haben.</translation>
    </message>
    <message>
        <source>e.g. measured the wrong sample</source>
        <translation>z. B. die falsche Probe gemessen</translation>
    </message>
    <message>
        <source>&amp;Why is it withdrawn?</source>
        <translation>&amp;Warum wird er zurückgezogen?</translation>
    </message>
    <message>
        <source>&amp;Void entry</source>
        <translation>Eintrag &amp;ungültig machen</translation>
    </message>
</context>
<context>
    <name>quire::widgets::WindowActions</name>
    <message>
        <source>About Quire</source>
        <translation>Über Quire</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Quire&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;An electronic lab notebook. Every saved version is kept, sealed and attributable.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Quire&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Ein elektronisches Laborbuch. Jede gespeicherte Version bleibt erhalten, versiegelt und zuordenbar.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>New e&amp;xperiment…</source>
        <translation>Neues E&amp;xperiment…</translation>
    </message>
    <message>
        <source>Start a new experiment</source>
        <translation>Ein neues Experiment beginnen</translation>
    </message>
    <message>
        <source>New experiment</source>
        <translation>Neues Experiment</translation>
    </message>
    <message>
        <source>&amp;New entry…</source>
        <translation>&amp;Neuer Eintrag…</translation>
    </message>
    <message>
        <source>Write a new entry in the experiment on the page</source>
        <translation>Einen neuen Eintrag im angezeigten Experiment schreiben</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>Neuer Eintrag</translation>
    </message>
    <message>
        <source>&amp;Edit entry…</source>
        <translation>Eintrag &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Write a new version of the chosen entry</source>
        <translation>Eine neue Version des gewählten Eintrags schreiben</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Void entry…</source>
        <translation>Eintrag &amp;ungültig machen…</translation>
    </message>
    <message>
        <source>Withdraw the chosen entry, with a reason; it stays readable in its history</source>
        <translation>Den gewählten Eintrag mit einer Begründung zurückziehen; er bleibt in seinem Verlauf lesbar</translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation>Datei &amp;anhängen…</translation>
    </message>
    <message>
        <source>Store a file with an entry of the experiment on the page</source>
        <translation>Eine Datei bei einem Eintrag des angezeigten Experiments ablegen</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>Datei anhängen</translation>
    </message>
    <message>
        <source>&amp;Lock notebook</source>
        <translation>Laborbuch &amp;sperren</translation>
    </message>
    <message>
        <source>Close the notebook until the passphrase is entered again</source>
        <translation>Das Laborbuch schließen, bis die Passphrase erneut eingegeben wird</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Jetzt s&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>Send your changes to the shared repository and receive the others&apos;</source>
        <translation>Ihre Änderungen an das gemeinsame Repository senden und die der anderen empfangen</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Remote settings…</source>
        <translation>&amp;Repository-Einstellungen…</translation>
    </message>
    <message>
        <source>Where this notebook is shared, and how to log in there</source>
        <translation>Wo dieses Laborbuch geteilt wird und wie Sie sich dort anmelden</translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation>&amp;Signieren…</translation>
    </message>
    <message>
        <source>Sign the chosen entry with your electronic signature</source>
        <translation>Den gewählten Eintrag mit Ihrer elektronischen Signatur signieren</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Signieren</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <source>Every version of the chosen entry and what changed between them</source>
        <translation>Alle Versionen des gewählten Eintrags und was sich zwischen ihnen geändert hat</translation>
    </message>
    <message>
        <source>Entries signed by their authors that wait for your countersignature</source>
        <translation>Von ihren Autoren signierte Einträge, die auf Ihre Gegenzeichnung warten</translation>
    </message>
    <message>
        <source>&amp;Time-stamp authorities…</source>
        <translation>&amp;Zeitstempeldienste…</translation>
    </message>
    <message>
        <source>Who vouches for when your records existed, and records still waiting for a trusted time</source>
        <translation>Wer bestätigt, wann Ihre Aufzeichnungen existierten, und welche Aufzeichnungen noch auf eine vertrauenswürdige Zeit warten</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>&amp;Prüfpfad…</translation>
    </message>
    <message>
        <source>Everything recorded in this notebook, by whom and when</source>
        <translation>Alles, was in diesem Laborbuch aufgezeichnet wurde, von wem und wann</translation>
    </message>
    <message>
        <source>&amp;Members…</source>
        <translation>&amp;Mitglieder…</translation>
    </message>
    <message>
        <source>Who belongs to this notebook; invite, approve and revoke members</source>
        <translation>Wer zu diesem Laborbuch gehört; Mitglieder einladen, genehmigen und ihnen den Zugang entziehen</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <source>Search titles, text and file names</source>
        <translation>Titel, Text und Dateinamen durchsuchen</translation>
    </message>
    <message>
        <source>&amp;Details beside the page</source>
        <translation>&amp;Details neben der Seite</translation>
    </message>
    <message>
        <source>The chosen entry&apos;s files, signatures and versions, beside the page</source>
        <translation>Dateien, Signaturen und Versionen des gewählten Eintrags neben der Seite</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Sharing, trusted time, locking and language</source>
        <translation>Teilen, vertrauenswürdige Zeit, Sperren und Sprache</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About Quire</source>
        <translation>Ü&amp;ber Quire</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Entry</source>
        <translation>&amp;Eintrag</translation>
    </message>
    <message>
        <source>&amp;Notebook</source>
        <translation>&amp;Laborbuch</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Search the notebook (%1)</source>
        <translation>Laborbuch durchsuchen (%1)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>&amp;Waiting for my signature (%1)</source>
        <translation>&amp;Warten auf meine Signatur (%1)</translation>
    </message>
    <message>
        <source>&amp;Waiting for my signature</source>
        <translation>&amp;Warten auf meine Signatur</translation>
    </message>
    <message>
        <source>Export as &amp;PDF…</source>
        <translation>Als &amp;PDF exportieren…</translation>
    </message>
    <message>
        <source>The experiment on the page as a PDF, optionally signed, with the records that prove it embedded</source>
        <translation>Das Experiment auf der Seite als PDF, wahlweise signiert, mit den eingebetteten Datensätzen, die es belegen</translation>
    </message>
    <message>
        <source>Si&amp;gn a PDF…</source>
        <translation>PDF si&amp;gnieren…</translation>
    </message>
    <message>
        <source>Add your electronic signature to a PDF exported from this notebook</source>
        <translation>Ihre elektronische Signatur zu einem aus diesem Notizbuch exportierten PDF hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Verify a PDF…</source>
        <translation>PDF &amp;prüfen…</translation>
    </message>
    <message>
        <source>Check a PDF&apos;s signatures, time-stamps and embedded records against this notebook</source>
        <translation>Signaturen, Zeitstempel und eingebettete Datensätze eines PDFs mit diesem Notizbuch abgleichen</translation>
    </message>
    <message>
        <source>&amp;Instruments…</source>
        <translation>&amp;Geräte…</translation>
    </message>
    <message>
        <source>The lab&apos;s instruments and the folders on this computer their files are taken from</source>
        <translation>Die Geräte des Labors und die Ordner auf diesem Computer, aus denen ihre Dateien übernommen werden</translation>
    </message>
    <message>
        <source>Export as .&amp;eln…</source>
        <translation>Als .&amp;eln exportieren…</translation>
    </message>
    <message>
        <source>Experiments as a .eln file other lab notebooks read, with the records, signatures and time-stamps that prove them</source>
        <translation>Experimente als .eln-Datei, die andere Laborbücher lesen, mit den Datensätzen, Signaturen und Zeitstempeln, die sie belegen</translation>
    </message>
    <message>
        <source>&amp;Import .eln…</source>
        <translation>.eln &amp;importieren…</translation>
    </message>
    <message>
        <source>Read an archive another electronic lab notebook exported (.eln) into new experiments</source>
        <translation>Ein Archiv, das ein anderes elektronisches Laborbuch exportiert hat (.eln), in neue Experimente einlesen</translation>
    </message>
    <message>
        <source>Add my &amp;other computer…</source>
        <translation>Meinen &amp;anderen Computer hinzufügen…</translation>
    </message>
    <message>
        <source>Use this notebook as yourself on another computer too</source>
        <translation>Dieses Laborbuch als Sie selbst auch auf einem anderen Computer verwenden</translation>
    </message>
    <message>
        <source>&amp;Open notebook…</source>
        <translation>Laborbuch ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Another notebook, in a window of its own</source>
        <translation>Ein weiteres Laborbuch, in einem eigenen Fenster</translation>
    </message>
    <message>
        <source>New note&amp;book…</source>
        <translation>Neues La&amp;borbuch…</translation>
    </message>
    <message>
        <source>Create a notebook, in a window of its own</source>
        <translation>Ein Laborbuch anlegen, in einem eigenen Fenster</translation>
    </message>
    <message>
        <source>New experiment &amp;from template…</source>
        <translation>Neues Experiment aus &amp;Vorlage…</translation>
    </message>
    <message>
        <source>Start a new experiment with the entries of a template</source>
        <translation>Ein neues Experiment mit den Einträgen einer Vorlage beginnen</translation>
    </message>
    <message>
        <source>Save experiment as te&amp;mplate…</source>
        <translation>Experiment als Vor&amp;lage speichern…</translation>
    </message>
    <message>
        <source>Keep the experiment on the page as a template for new ones</source>
        <translation>Das angezeigte Experiment als Vorlage für neue aufbewahren</translation>
    </message>
    <message>
        <source>Re&amp;covery code…</source>
        <translation>&amp;Wiederherstellungscode…</translation>
    </message>
    <message>
        <source>The code that brings you and the notebook back on a new computer, and its sheet</source>
        <translation>Der Code, der Sie und das Laborbuch auf einem neuen Computer zurückbringt, und sein Blatt</translation>
    </message>
</context>
</TS>
