<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Electronic lab notebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the notebook in &lt;folder&gt; (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::Notebook</name>
    <message>
        <source>the experiment needs a title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only members with the author role can create experiments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only members with the author role can write entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the experiment “%1” is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every entry needs a title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the entry needs a title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only the entry&apos;s author can change it; others can comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the entry “%1” was voided and cannot be changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the entry “%1” is signed; a change is an amendment and needs a reason, and the signature stays with the version it signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reason is needed to change an entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing changed, so no new version was saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(missing attachment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the entry has %n version(s); there is no version %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attached “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is too large to show here</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n failed unlock attempt(s) before this unlock</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>notebook unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passphrase changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the computer&apos;s clock went back from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signing as %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>settings changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notebook “%1” created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature: %1 on record %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) attested by the time-stamp authority %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>file “%1” stored (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 “%2” created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 “%2” version %3 %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witnessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 — %3 %4</source>
        <extracomment>printed name — meaning — date and time with zone (21 CFR 11.50)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the passphrase is wrong; nothing was signed, and the failed attempt was recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence of an electronic signature in the Quire notebook “%1”

%2
signed record: %3 (entry %4, version %5)

Check it with the openssl command line alone:

  openssl cms -verify -binary -inform DER -in signature.der -content statement.json -CAfile ca.pem -purpose any -certfile signer.pem -nointern -out /dev/null
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  openssl ts -verify -digest &lt;root from merkle-path.json&gt; -in timestamp.tsr -token_in -CAfile tsa-ca.pem

The root is reached from SHA-256(record.json) by the Merkle path (RFC 6962: leaf = SHA-256(0x00 ‖ id), node = SHA-256(0x01 ‖ left ‖ right)).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
verify.sh runs every check (bash and openssl only).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the join request cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::ApproveRequestDialog</name>
    <message>
        <source>Approve a join request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before you approve, phone %1 on a number you already know — not one from the message that brought this file — and ask them to read out the code Quire showed them. It must be exactly this:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the code differs, do not approve: someone may have changed the file on its way to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 read out exactly this code to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First compare the code by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::CreateNotebookDialog</name>
    <message>
        <source>Create notebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create your notebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quire keeps the notebook, encrypted, in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notebook name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Protein lab 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Your name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As it should appear on entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@institute.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase unlocks the notebook on this computer. Nobody can recover it for you, so keep a copy somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the notebook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create notebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the notebook a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your name; it is recorded with everything you write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an email address, such as name@institute.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase needs at least %1 characters; a few words in a row work well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type the passphrase again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::EntryDialog</name>
    <message>
        <source>New entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New entry in “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Calibration of the pH meter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What did you do, use and observe? Leave a blank line between paragraphs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text is &amp;HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables, lists and emphasis written as HTML are kept; anything unsafe is removed when the entry is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving records this version with your name and the time. Later changes become new versions; nothing is overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::EntryPageRenderer</name>
    <message>
        <source>1 entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose “New entry” in the toolbar (Ctrl+N) to write the first one. Each entry is saved as a sealed, dated version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reason was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed in version %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed after signing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An earlier version of this entry was signed; its signatures stay with that version, not with this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign version %1 of this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded %1 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No trusted time-stamp authority has vouched for this time yet; the time shown comes from the computer&apos;s clock. It is attested at the next sync with a time-stamp authority.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time not yet attested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A time-stamp authority this notebook does not trust attested this time (%1 UTC).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time attested at %1 by an authority not trusted here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A trusted time-stamp authority vouches that this existed at %1 UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time attested at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it does not verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save what an independent check of this signature needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electronic signatures of this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::ExperimentDelegate</name>
    <message>
        <source>No project or tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::ExperimentDialog</name>
    <message>
        <source>New experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An experiment groups the entries you write about one piece of work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Phosphate buffer, pH 7.4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional, separated by commas: buffer, routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create experiment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::ExperimentListModel</name>
    <message>
        <source>No entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::MainWindow</name>
    <message>
        <source>Quire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time not yet attested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New e&amp;xperiment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new experiment (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a new entry in the selected experiment (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store a file with an entry of the selected experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock notebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the notebook until the passphrase is entered again (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send your changes to the shared repository and receive the others&apos; (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remote settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where this notebook is shared, and how to log in there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign an entry of the selected experiment with your electronic signature (Ctrl+Shift+G)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Waiting for my signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries signed by their authors that wait for your countersignature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time-stamp authorities…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who vouches for when your records existed, and records still waiting for a trusted time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Members…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who belongs to this notebook; invite, approve and revoke members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Quire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Quire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Quire&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;An electronic lab notebook. Every saved version is kept, sealed and attributable.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your request to join “%1” is with its admin. Once they have approved it, the next sync brings the notebook here. Quire syncs every few minutes; you can also sync now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notebook is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with an experiment: a title for one piece of work, such as “Phosphate buffer, pH 7.4”. The entries you write go into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New experiment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries of the selected experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop this sync; nothing is lost, the changes are sent next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the shared repository first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync alarm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy on the shared repository does not match what was written in this notebook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some files that came from the shared repository did not pass the checks and were set aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing in this notebook was changed or lost: Quire kept its own records and did not take in the server&apos;s versions.&lt;/p&gt;&lt;ul&gt;%1&lt;/ul&gt;&lt;p&gt;Tell the admin of this notebook, who can check who changed the shared repository.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have seen this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quire — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The experiments could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  ·  Unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  ·  %2  ·  Unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiments (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The experiment could not be shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notebook is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase to open %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Quire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no notebook in %1 yet. Create one to start writing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create notebook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The experiment could not be created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment “%1” created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry “%1” saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entries could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entry to attach to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>files are kept with an entry you wrote; add an entry to this experiment first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the file to the entry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file to “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing “%1” in the notebook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” attached to “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signatures are given to entries; choose an experiment with entries first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for the evidence of %1’s signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evidence could not be exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence of the signature saved in %1; verify.sh there checks it with openssl alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait until the sync has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Waiting for my signature (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for my signature (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 record has no trusted time yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records have no trusted time yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The time-stamp authority is asked again at the next sync; nothing is lost meanwhile. Click to see the time-stamp settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the sync…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please wait until Quire has finished writing into the notebook.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::MembersDialog</name>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writes experiments and entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reviews, approves and witnesses the entries of others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invites, approves and revokes members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspects the notebook and its audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone listed can read this notebook; their roles say what else they may do. A newcomer joins with an invitation file and is let in once an admin approves their request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Invite…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin of this notebook can invite, approve or revoke members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the shared repository first (Notebook ▸ Remote settings…): the invitation tells the newcomer where it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save an invitation file to send to a newcomer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the join request a newcomer sent you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the member to revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot revoke yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This member is already revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the notebook to %1 from now on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the invitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitations (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation could not be saved to %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitation saved to %1. Send it to the newcomer; Quire makes a join request from it, which they send back to you to approve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a join request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join requests (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The join request %1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now a member. Sync now, so that their copy receives the key; they are let in at their next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was revoked. What is written from now on is closed to them once you sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::NotebookLoader</name>
    <message>
        <source>the notebook could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::RemoteSettingsDialog</name>
    <message>
        <source>Remote settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quire shares this notebook through a git repository on your lab&apos;s server. Everything is encrypted before it leaves this computer: the server never sees what you write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This notebook is not shared yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now shared through %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. https://git.lab.example/notebooks/bench.git</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://…, ssh://…, git@host:path, git://… or a folder path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login, if the server asks for one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your user name on the server (https)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password or access token (https)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key file (ssh), e.g. ~/.ssh/id_ed25519</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for a server with its own certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password or token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSH &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Certificate authority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password and the key are kept encrypted in this notebook and are never shown again. Saving replaces the login saved before, so enter them again whenever you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your ssh private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the server&apos;s certificate authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ssh key %1 cannot be read: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::ReviewQueueDialog</name>
    <message>
        <source>Waiting for my signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries their authors have signed and that you have not countersigned yet. Open one to read it, then countersign it as reviewed, approved or witnessed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by the author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries waiting for my signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this entry in its experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Countersign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign this version as reviewed, approved or witnessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Countersign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors countersign entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authors sign their own entries; a supervisor then reviews, approves or witnesses them. An admin of this notebook can give you the supervisor role (Notebook ▸ Members).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is waiting for your signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When an author signs an entry, it appears here for you to countersign. New signatures arrive with each sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::RevokeMemberDialog</name>
    <message>
        <source>Revoke a member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) keeps what they have already received, but will not be able to read anything written from now on, and what they write afterwards is refused. The reason is kept in the notebook&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. left the lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;voke access</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::SignDialog</name>
    <message>
        <source>You wrote this entry, and it records what you did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have checked this entry and what it records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You approve this entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have read and understood this entry, and witness it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By signing, I, %1, confirm that this electronic signature is the legally binding equivalent of my handwritten signature (21 CFR 11.100), and that I am the author of this version of the entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By signing, I, %1, confirm that this electronic signature is the legally binding equivalent of my handwritten signature (21 CFR 11.100), and that I have reviewed this version of the entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By signing, I, %1, confirm that this electronic signature is the legally binding equivalent of my handwritten signature (21 CFR 11.100), and that I approve this version of the entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By signing, I, %1, confirm that this electronic signature is the legally binding equivalent of my handwritten signature (21 CFR 11.100), and that I have read, understood and witnessed this version of the entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 of %2 (not the latest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign an entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Entry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What your signature means:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notebook passphrase, asked again for each signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the passphrase and signing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your signature, as it is shown on screen and in every export:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is kept with version %1 of “%2”. A time-stamp authority attests its time at the next sync, if one is set under Notebook ▸ Time-stamp authorities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the signature, the signed statement, the certificates and a script that checks them with openssl alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no entry here that can be signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot sign this version: the reasons are given beside each meaning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase to sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for the signature evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evidence is in %1. Anyone can check it there with verify.sh, which needs only bash and openssl.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature evidence – %1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::SyncController</name>
    <message>
        <source>1 change waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing… %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync cancelled — %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm: the shared copy was altered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm: 1 file from the server refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alarm: %1 files from the server refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This notebook is kept on this computer only. To share it, set the lab&apos;s shared repository under Notebook ▸ Remote settings….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An admin of this notebook has to approve your join request before you can read or write in it. Quire asks the shared repository again at each sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared through %1. The first sync starts shortly; click to sync now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on this computer, to be sent to %2 at the next sync. Click to sync now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving changes from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking and adding what arrived from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending this notebook&apos;s changes to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything is shared with %1 (last sync at %2). Click to sync now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync at %1 did not complete: %2
Nothing is lost: your changes stay in this notebook and are sent at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click for details.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::TimestampSettingsDialog</name>
    <message>
        <source>Time-stamp authorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A time-stamp authority vouches for when your records existed, so that their dates do not rest on this computer&apos;s clock alone. Quire asks one at each sync; only a fingerprint of the records is sent, never their content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Addresses, one per line, tried in order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. https://tsa.example.org/tsr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted certificates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificates (PEM) of the authorities, or of the authority that issued theirs; they replace the ones trusted so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ttest now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save these settings and ask the authorities to attest every record that waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the time-stamp authority…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the time-stamp authorities&apos; certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet: without them no time-stamp can be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 certificate trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 certificates trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — SHA-256 %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every record has a trusted time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 record is not yet attested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records are not yet attested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read as a certificate file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no certificate in PEM form (the text form that starts with “-----BEGIN CERTIFICATE-----”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the certificates to trust as well: without them no time-stamp can be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the address of at least one time-stamp authority first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was attested: %1 The records wait and are sent again at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was waiting: every record already has a trusted time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 record attested at %1 by %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records attested at %2 by %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did not answer first: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>quire::widgets::UnlockDialog</name>
    <message>
        <source>Unlock notebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock your notebook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notebook folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notebook passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passphrase is wrong. Check Caps Lock and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
