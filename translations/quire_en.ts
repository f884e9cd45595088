<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>quire::ElnImport</name>
    <message numerus="yes">
        <source>the import was stopped after %n files, as the test asked</source>
        <translation>
            <numerusform>the import was stopped after %n file, as the test asked</numerusform>
            <numerusform>the import was stopped after %n files, as the test asked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::Notebook</name>
    <message numerus="yes">
        <source>the entry has %n versions in conflict (saved on two computers apart); resolve the conflict first by saving a version that joins them</source>
        <translation>
            <numerusform>the entry has %n version in conflict (saved on two computers apart); resolve the conflict first by saving a version that joins them</numerusform>
            <numerusform>the entry has %n versions in conflict (saved on two computers apart); resolve the conflict first by saving a version that joins them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the entry has %n versions; there is no version %1</source>
        <translation>
            <numerusform>the entry has %n version; there is no version %1</numerusform>
            <numerusform>the entry has %n versions; there is no version %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed unlock attempts before this unlock</source>
        <translation>
            <numerusform>%n failed unlock attempt before this unlock</numerusform>
            <numerusform>%n failed unlock attempts before this unlock</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records attested by the time-stamp authority %1</source>
        <translation>
            <numerusform>%n record attested by the time-stamp authority %1</numerusform>
            <numerusform>%n records attested by the time-stamp authority %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::storage</name>
    <message numerus="yes">
        <source>%n rows of the table are not numbers and were left out (the first is line %1: &quot;%2&quot;)</source>
        <translation>
            <numerusform>%n row of the table holds no numbers and was left out (line %1: &quot;%2&quot;)</numerusform>
            <numerusform>%n rows of the table are not numbers and were left out (the first is line %1: &quot;%2&quot;)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n values of the table are empty; they show as gaps</source>
        <translation>
            <numerusform>%n value of the table is empty; it shows as a gap</numerusform>
            <numerusform>%n values of the table are empty; they show as gaps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files were removed from the shared repository (%1%2); this sync puts them back</source>
        <translation>
            <numerusform>%n file was removed from the shared repository (%1%2); this sync puts it back</numerusform>
            <numerusform>%n files were removed from the shared repository (%1%2); this sync puts them back</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::AttachmentPanel</name>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::AuditTrailDialog</name>
    <message numerus="yes">
        <source>%n events</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n events saved to %1</source>
        <translation>
            <numerusform>%n event saved to %1</numerusform>
            <numerusform>%n events saved to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::ConflictDialog</name>
    <message numerus="yes">
        <source>“%1”: %n versions in conflict</source>
        <translation>
            <numerusform>“%1”: %n version in conflict</numerusform>
            <numerusform>“%1”: %n versions in conflict</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::DataPanel</name>
    <message numerus="yes">
        <source>%1: %n points</source>
        <translation>
            <numerusform>%1: %n point</numerusform>
            <numerusform>%1: %n points</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::DetailsPanel</name>
    <message numerus="yes">
        <source>%n signatures</source>
        <translation>
            <numerusform>%n signature</numerusform>
            <numerusform>%n signatures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::ElnExportDialog</name>
    <message numerus="yes">
        <source>%n with a trusted time-stamp</source>
        <translation>
            <numerusform>%n with a trusted time-stamp</numerusform>
            <numerusform>%n with a trusted time-stamp</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n entries)</source>
        <translation>
            <numerusform>(%n entry)</numerusform>
            <numerusform>(%n entries)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n experiments</source>
        <translation>
            <numerusform>%n experiment</numerusform>
            <numerusform>%n experiments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sealed records</source>
        <translation>
            <numerusform>%n sealed record</numerusform>
            <numerusform>%n sealed records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signatures</source>
        <translation>
            <numerusform>%n signature</numerusform>
            <numerusform>%n signatures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::EntryController</name>
    <message numerus="yes">
        <source>Opened %n texts that were not saved as versions yet.</source>
        <translation>
            <numerusform>Opened %n text that was not saved as a version yet.</numerusform>
            <numerusform>Opened %n texts that were not saved as versions yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::EntryDialog</name>
    <message numerus="yes">
        <source>%n files will be saved with this entry&apos;s next version: %1</source>
        <translation>
            <numerusform>%n file will be saved with this entry&apos;s next version: %1</numerusform>
            <numerusform>%n files will be saved with this entry&apos;s next version: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::EntryPageRenderer</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n earlier</source>
        <translation>
            <numerusform>Show %n earlier</numerusform>
            <numerusform>Show %n earlier</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show %n later</source>
        <translation>
            <numerusform>Show %n later</numerusform>
            <numerusform>Show %n later</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n entries</source>
        <translation>
            <numerusform>Show the %n entry</numerusform>
            <numerusform>Show all %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n versions in conflict.</source>
        <translation>
            <numerusform>%n version in conflict.</numerusform>
            <numerusform>%n versions in conflict.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::ExportPdfDialog</name>
    <message numerus="yes">
        <source>%n pages, with the %1 records that prove them embedded.</source>
        <translation>
            <numerusform>%n page, with the %1 records that prove it embedded.</numerusform>
            <numerusform>%n pages, with the %1 records that prove them embedded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::HistoryDialog</name>
    <message numerus="yes">
        <source>%n signatures</source>
        <translation>
            <numerusform>%n signature</numerusform>
            <numerusform>%n signatures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::ImportElnDialog</name>
    <message numerus="yes">
        <source>%n experiments</source>
        <translation>
            <numerusform>%n experiment</numerusform>
            <numerusform>%n experiments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n files do not match the SHA-256 the crate gives; kept and marked.</source>
        <translation>
            <numerusform>%n file does not match the SHA-256 the crate gives; kept and marked.</numerusform>
            <numerusform>%n files do not match the SHA-256 the crate gives; kept and marked.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n things could not be imported; see below.</source>
        <translation>
            <numerusform>%n thing could not be imported; see below.</numerusform>
            <numerusform>%n things could not be imported; see below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::LockController</name>
    <message numerus="yes">
        <source>Locks itself after %n minutes without use. Click to lock now.</source>
        <translation>
            <numerusform>Locks itself after %n minute without use. Click to lock now.</numerusform>
            <numerusform>Locks itself after %n minutes without use. Click to lock now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::SearchPanel</name>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>%n found</numerusform>
            <numerusform>%n found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::SharingController</name>
    <message numerus="yes">
        <source>%n records have no trusted time yet.</source>
        <translation>
            <numerusform>%n record has no trusted time yet.</numerusform>
            <numerusform>%n records have no trusted time yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::SidebarModel</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n experiments</source>
        <translation>
            <numerusform>%n experiment</numerusform>
            <numerusform>%n experiments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::SyncController</name>
    <message numerus="yes">
        <source>%n changes waiting to send</source>
        <translation>
            <numerusform>%n change waiting to send</numerusform>
            <numerusform>%n changes waiting to send</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>quire::widgets::TimestampSettingsDialog</name>
    <message numerus="yes">
        <source>%n certificates trusted</source>
        <translation>
            <numerusform>%n certificate trusted</numerusform>
            <numerusform>%n certificates trusted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records are not yet attested.</source>
        <translation>
            <numerusform>%n record is not yet attested.</numerusform>
            <numerusform>%n records are not yet attested.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records attested at %1 by %2.</source>
        <translation>
            <numerusform>%n record attested at %1 by %2.</numerusform>
            <numerusform>%n records attested at %1 by %2.</numerusform>
        </translation>
    </message>
</context>
</TS>
