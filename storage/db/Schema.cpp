#include "db/Schema.h"

namespace quire {

const QList<QString> &schemaMigrations() {
    static const QList<QString> migrations{
        // 1: records, their encrypted copies, keys, and what is materialised from records.
        QStringLiteral(R"sql(
CREATE TABLE records(
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    object TEXT NOT NULL,
    prev TEXT,
    author TEXT NOT NULL,
    device TEXT NOT NULL,
    seq INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    version INTEGER NOT NULL,
    envelope BLOB NOT NULL);
CREATE INDEX records_by_object ON records(object, version);
CREATE INDEX records_by_prev ON records(prev);
CREATE INDEX records_by_type ON records(type);

CREATE TABLE repo_files(
    path TEXT PRIMARY KEY,
    oid TEXT NOT NULL,
    record TEXT,
    chunk TEXT);
CREATE INDEX repo_files_by_record ON repo_files(record);

CREATE TABLE secrets(
    name TEXT NOT NULL,
    salt TEXT NOT NULL,
    wrapped BLOB NOT NULL,
    PRIMARY KEY(name, salt));

CREATE TABLE devices(
    device TEXT PRIMARY KEY,
    last_seq INTEGER NOT NULL,
    last_recorded_at TEXT NOT NULL);

CREATE TABLE notebook(key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE members(
    uuid TEXT PRIMARY KEY,
    head TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    roles TEXT NOT NULL,
    status TEXT NOT NULL,
    sign_cert BLOB NOT NULL,
    cert_sha256 TEXT NOT NULL UNIQUE,
    enc_key BLOB NOT NULL);

CREATE TABLE experiments(
    uuid TEXT PRIMARY KEY,
    head TEXT NOT NULL,
    title TEXT NOT NULL,
    project TEXT NOT NULL,
    tags TEXT NOT NULL,
    status TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL);
CREATE INDEX experiments_by_update ON experiments(updated_at);

CREATE TABLE entries(
    uuid TEXT PRIMARY KEY,
    head TEXT NOT NULL,
    experiment TEXT NOT NULL,
    ord INTEGER NOT NULL,
    versions INTEGER NOT NULL,
    title TEXT NOT NULL,
    status TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL);
CREATE INDEX entries_by_experiment ON entries(experiment, ord);

CREATE TABLE attachments(
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    chunks TEXT NOT NULL,
    recorded_at TEXT NOT NULL);

CREATE TABLE chunks(
    sha256 TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    size INTEGER NOT NULL);

CREATE TABLE search_docs(
    docid INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    ref TEXT NOT NULL,
    experiment TEXT,
    entry TEXT,
    UNIQUE(kind, ref));
CREATE VIRTUAL TABLE search USING fts4(title, body, tokenize=unicode61 "remove_diacritics=1",
                                       prefix="2,3");
)sql"),
        // 2: sync with the shared repository: what is published, what was refused and why.
        QStringLiteral(R"sql(
CREATE TABLE sync_state(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE quarantine(
    path TEXT PRIMARY KEY,
    oid TEXT NOT NULL,
    reason TEXT NOT NULL,
    seen_at TEXT NOT NULL);
CREATE TABLE alarms(
    rowid INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL);
)sql"),
        // 3: the search index without prefix tables: they only speed up two- and three-letter
        // prefixes and cost a third of the pages every save writes.
        QStringLiteral(R"sql(
CREATE VIRTUAL TABLE search_v3 USING fts4(title, body, tokenize=unicode61 "remove_diacritics=1");
INSERT INTO search_v3(docid, title, body) SELECT docid, title, body FROM search;
DROP TABLE search;
ALTER TABLE search_v3 RENAME TO search;
)sql"),
        // 4: refusals the rules intend (a revoked member's device that kept writing) are kept
        // apart from those that point at tampering.
        QStringLiteral(R"sql(
ALTER TABLE quarantine ADD COLUMN expected INTEGER NOT NULL DEFAULT 0;
)sql"),
        // 5: imports check every arriving record's (device, seq) for reuse.
        QStringLiteral(R"sql(
CREATE INDEX records_by_device ON records(device, seq);
)sql"),
        // 6: electronic signatures and trusted time (FORMAT.md §3, §4). `anchored` says which
        // anchor first covered a record; a record in no anchor is waiting for one.
        QStringLiteral(R"sql(
CREATE TABLE signatures(
    id TEXT PRIMARY KEY,
    target TEXT NOT NULL,
    target_object TEXT NOT NULL,
    meaning TEXT NOT NULL,
    signer TEXT NOT NULL,
    printed_name TEXT NOT NULL,
    signed_at TEXT NOT NULL);
CREATE INDEX signatures_by_target ON signatures(target);
CREATE INDEX signatures_by_object ON signatures(target_object);
CREATE TABLE anchors(
    id TEXT PRIMARY KEY,
    root TEXT NOT NULL,
    tsa TEXT NOT NULL,
    gen_time TEXT NOT NULL,
    leaves INTEGER NOT NULL);
CREATE TABLE anchored(
    record TEXT PRIMARY KEY,
    anchor TEXT NOT NULL,
    leaf INTEGER NOT NULL);
)sql"),
        // 7: drafts: what someone is typing, kept between saves so that a crash loses nothing.
        // Local only (never synced); `base` is the version the draft started from.
        QStringLiteral(R"sql(
CREATE TABLE drafts(
    key TEXT PRIMARY KEY,
    entry TEXT,
    experiment TEXT NOT NULL,
    base TEXT,
    title TEXT NOT NULL,
    html TEXT NOT NULL,
    saved_at TEXT NOT NULL);
)sql"),
        // 8: records waiting for a trusted time, by rowid, so that neither a sync nor an anchor
        // has to scan every record to find them.
        QStringLiteral(R"sql(
CREATE TABLE unanchored(rowid INTEGER PRIMARY KEY);
INSERT INTO unanchored(rowid) SELECT r.rowid FROM records r WHERE r.type <> 'anchor' AND
    NOT EXISTS (SELECT 1 FROM anchored a WHERE a.record = r.id);
)sql"),
        // 9: instruments and what they wrote (issue 14). `captures` are the attachment records
        // whose source is an instrument; one is in the inbox until an entry holds it (a
        // search_docs row of kind 'attachment') or a set_aside names it. `capture_seen` is local:
        // the files this device already read, so that an unchanged file is not hashed again.
        QStringLiteral(R"sql(
CREATE TABLE instruments(
    uuid TEXT PRIMARY KEY,
    head TEXT NOT NULL,
    name TEXT NOT NULL,
    model TEXT NOT NULL,
    serial TEXT NOT NULL,
    location TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL);
CREATE TABLE captures(
    id TEXT PRIMARY KEY,
    instrument TEXT NOT NULL,
    original_path TEXT NOT NULL,
    modified_at TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    reader TEXT NOT NULL,
    problem TEXT NOT NULL);
CREATE INDEX captures_by_content ON captures(sha256, original_path);
CREATE TABLE set_asides(
    id TEXT PRIMARY KEY,
    target TEXT NOT NULL,
    reason TEXT NOT NULL,
    author TEXT NOT NULL,
    recorded_at TEXT NOT NULL);
CREATE INDEX set_asides_by_target ON set_asides(target);
CREATE TABLE capture_seen(
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    modified_at TEXT NOT NULL,
    sha256 TEXT NOT NULL);
)sql"),
        // 10: what a data file says about itself (title, instrument, sample, origin, units), read
        // on the device that attached or captured it, so that search finds the file by it (the
        // body of its search row). Derived and local, like the search index.
        QStringLiteral(R"sql(
CREATE TABLE attachment_text(id TEXT PRIMARY KEY, text TEXT NOT NULL);
)sql"),
        // 11: versions that resolve a conflict name the other tips they merge (body `merges`,
        // FORMAT.md §2); a record named here or as someone's `prev` is no longer a tip.
        QStringLiteral(R"sql(
CREATE TABLE merges(
    record TEXT NOT NULL,
    merged TEXT NOT NULL,
    PRIMARY KEY(record, merged));
CREATE INDEX merges_by_merged ON merges(merged);
)sql"),
        // 12 (issue 16, alarms that count): an alarm gets an id every vault gives it alike
        // (from the file's path and object id, or its kind and detail), and an admin's
        // acknowledgement (an `alarm_acknowledged` audit record) is kept by that id.
        QStringLiteral(R"sql(
ALTER TABLE alarms ADD COLUMN alarm_id TEXT;
ALTER TABLE alarms ADD COLUMN path TEXT NOT NULL DEFAULT '';
ALTER TABLE alarms ADD COLUMN oid TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX alarms_by_id ON alarms(alarm_id);
CREATE TABLE alarm_acknowledgements(
    alarm_id TEXT PRIMARY KEY,
    record TEXT NOT NULL,
    author TEXT NOT NULL,
    at TEXT NOT NULL,
    reason TEXT NOT NULL);
)sql"),
        // 13: comments on entry versions (issue 16), one row per `comment` record. A request for
        // changes is open until the entry has a later version or its writer corrects it.
        QStringLiteral(R"sql(
CREATE TABLE comments(
    id TEXT PRIMARY KEY,
    target TEXT NOT NULL,
    target_object TEXT NOT NULL,
    target_version INTEGER NOT NULL,
    author TEXT NOT NULL,
    html TEXT NOT NULL,
    requests_changes INTEGER NOT NULL,
    corrects TEXT NOT NULL,
    recorded_at TEXT NOT NULL);
CREATE INDEX comments_by_object ON comments(target_object);
CREATE INDEX comments_by_corrected ON comments(corrects);
CREATE INDEX comments_requesting ON comments(requests_changes) WHERE requests_changes = 1;
)sql"),
        // 14: the computers of each member (issue 16), from `device` records: who owns a device,
        // whether it is retired and since when (records it writes later are refused).
        QStringLiteral(R"sql(
CREATE TABLE member_devices(
    device TEXT PRIMARY KEY,
    member TEXT NOT NULL,
    head TEXT NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT NOT NULL,
    since TEXT NOT NULL,
    offer_expires_at TEXT NOT NULL);
)sql"),
        // 15: files added to an entry while its text is being written, which its text does not
        // show (the Files panel, not an image in the text): they join the version saved next,
        // and a draft recovered after a crash still names them (a JSON array of record ids).
        QStringLiteral(R"sql(
ALTER TABLE drafts ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';
)sql"),
    };
    return migrations;
}

} // namespace quire
