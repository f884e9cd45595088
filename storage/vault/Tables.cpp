// Vault, tables: the rows derived from records (materialisation) — one place per record type
// — and the search index beside them. Every record, made here or arrived by sync, lands here.

#include "vault/VaultImpl.h"

#include "crypto/Timestamp.h"
#include "html/HtmlSanitizer.h"

#include <QJsonDocument>

namespace quire {

using namespace vaultimpl;

Result<void> Vault::Impl::upsertSearch(const QString &kind, const QString &ref,
                                       const QString &experiment, const QString &entry,
                                       const QString &title, const QString &body, bool fresh) {
    if (fresh) return insertSearch(kind, ref, experiment, entry, title, body);
    auto find = db.cached(QStringLiteral("SELECT docid FROM search_docs WHERE kind=? AND ref=?"));
    if (!find) return find.failure();
    (*find)->bind(1, kind).bind(2, ref);
    auto row = (*find)->next();
    if (!row) return row.failure();
    if (*row) {
        const qint64 docid = (*find)->integer(0);
        (*find)->reset();
        auto up = db.cached(QStringLiteral("UPDATE search SET title=?, body=? WHERE docid=?"));
        if (!up) return up.failure();
        (*up)->bind(1, title).bind(2, body).bind(3, docid);
        return (*up)->run();
    }
    (*find)->reset();
    return insertSearch(kind, ref, experiment, entry, title, body);
}

Result<void> Vault::Impl::insertSearch(const QString &kind, const QString &ref,
                                       const QString &experiment, const QString &entry,
                                       const QString &title, const QString &body) {
    auto ins = db.cached(
        QStringLiteral("INSERT INTO search_docs(kind, ref, experiment, entry) VALUES(?,?,?,?)"));
    if (!ins) return ins.failure();
    (*ins)->bind(1, kind).bind(2, ref).bind(3, experiment).bind(4, entry);
    if (auto r = (*ins)->run(); !r) return r;
    const qint64 docid = db.lastInsertRowId();
    auto fts = db.cached(QStringLiteral("INSERT INTO search(docid, title, body) VALUES(?,?,?)"));
    if (!fts) return fts.failure();
    (*fts)->bind(1, docid).bind(2, title).bind(3, body);
    return (*fts)->run();
}

Result<void> Vault::Impl::upsertMember(const QString &uuid, const QString &head,
                                       const QJsonObject &m) {
    signers.clear();
    const QByteArray cert = unb64(m.value("sign_cert"));
    auto st = db.cached(QStringLiteral(
        "INSERT OR REPLACE INTO members(uuid, head, name, email, roles, status, sign_cert, "
        "cert_sha256, enc_key) VALUES(?,?,?,?,?,?,?,?,?)"));
    if (!st) return st.failure();
    (*st)
        ->bind(1, uuid)
        .bind(2, head)
        .bind(3, m.value("name").toString())
        .bind(4, m.value("email").toString())
        .bind(5, toStringList(m.value("roles")).join(','))
        .bind(6, m.value("status").toString())
        .bind(7, cert)
        .bind(8, hex(crypto::sha256(cert)))
        .bind(9, unb64(m.value("enc_key")));
    return (*st)->run();
}

QString Vault::Impl::searchBody(const StoredRecord &r) {
    if (r.type == "entry") return html::plainText(r.body.value("html").toString());
    return {};
}

Result<void> Vault::Impl::materialize(const StoredRecord &r, const QString *precomputedSearch,
                                      bool fresh) {
    const QJsonObject &b = r.body;
    if (r.type == "notebook") {
        auto st =
            db.cached(QStringLiteral("INSERT OR REPLACE INTO notebook(key, value) VALUES(?,?)"));
        if (!st) return st.failure();
        for (const auto &[k, v] :
             {std::pair{QStringLiteral("name"), b.value("name").toString()},
              std::pair{QStringLiteral("uuid"), r.object},
              std::pair{QStringLiteral("genesis"), r.id},
              std::pair{QStringLiteral("ca_cert"), b.value("ca_cert").toString()}}) {
            (*st)->bind(1, k).bind(2, v);
            if (auto res = (*st)->run(); !res) return res;
        }
        return upsertMember(r.author, r.id, b.value("founder").toObject());
    }
    if (r.type == "member") return upsertMember(r.object, r.id, b);
    if (r.type == "device") return upsertDevice(r);
    if (r.type == "experiment") {
        // A version that is not the head (the other side of a conflict) changes no row.
        auto head = isHead(r);
        if (!head) return head.failure();
        if (!*head) return {};
        // Debian 12's SQLCipher is SQLite 3.15, which has no UPSERT: update, else insert.
        const QStringList tags = toStringList(b.value("tags"));
        const QString tagsJson =
            QString::fromUtf8(QJsonDocument(toJsonArray(tags)).toJson(QJsonDocument::Compact));
        auto up = db.cached(QStringLiteral(
            "UPDATE experiments SET head=?2, title=?3, project=?4, tags=?5, status=?6, "
            "updated_at=?7 WHERE uuid=?1"));
        if (!up) return up.failure();
        (*up)
            ->bind(1, r.object)
            .bind(2, r.id)
            .bind(3, b.value("title").toString())
            .bind(4, b.value("project").toString())
            .bind(5, tagsJson)
            .bind(6, b.value("status").toString())
            .bind(7, r.recordedAt);
        if (auto res = (*up)->run(); !res) return res;
        if (db.changes() == 0) {
            auto st = db.cached(QStringLiteral(
                "INSERT INTO experiments(uuid, head, title, project, tags, status, author, "
                "created_at, updated_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?8)"));
            if (!st) return st.failure();
            (*st)
                ->bind(1, r.object)
                .bind(2, r.id)
                .bind(3, b.value("title").toString())
                .bind(4, b.value("project").toString())
                .bind(5, tagsJson)
                .bind(6, b.value("status").toString())
                .bind(7, r.author)
                .bind(8, r.recordedAt);
            if (auto res = (*st)->run(); !res) return res;
        }
        return upsertSearch("experiment", r.object, r.object, {}, b.value("title").toString(),
                            b.value("project").toString() + '\n' + tags.join(' '));
    }
    if (r.type == "entry") {
        const QString experiment = b.value("experiment").toString();
        if (!fresh) {
            // Every vault shows the head the records choose, whatever arrived last.
            auto head = isHead(r);
            if (!head) return head.failure();
            if (!*head) return {};
            auto up = db.cached(QStringLiteral(
                "UPDATE entries SET head=?2, ord=?3, versions=?4, title=?5, status=?6, "
                "updated_at=?7 WHERE uuid=?1"));
            if (!up) return up.failure();
            (*up)
                ->bind(1, r.object)
                .bind(2, r.id)
                .bind(3, b.value("order").toInteger())
                .bind(4, r.version)
                .bind(5, b.value("title").toString())
                .bind(6, b.value("status").toString())
                .bind(7, r.recordedAt);
            if (auto res = (*up)->run(); !res) return res;
        }
        if (fresh || db.changes() == 0) {
            auto st = db.cached(QStringLiteral(
                "INSERT INTO entries(uuid, head, experiment, ord, versions, title, status, "
                "author, created_at, updated_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?9)"));
            if (!st) return st.failure();
            (*st)
                ->bind(1, r.object)
                .bind(2, r.id)
                .bind(3, experiment)
                .bind(4, b.value("order").toInteger())
                .bind(5, r.version)
                .bind(6, b.value("title").toString())
                .bind(7, b.value("status").toString())
                .bind(8, r.author)
                .bind(9, r.recordedAt);
            if (auto res = (*st)->run(); !res) return res;
        }
        if (auto res =
                upsertSearch("entry", r.object, experiment, r.object, b.value("title").toString(),
                             precomputedSearch ? *precomputedSearch : searchBody(r), fresh);
            !res)
            return res;
        for (const auto &att : b.value("attachments").toArray()) {
            // Found by its name, and a data file by what it says about itself.
            auto name =
                db.cached(QStringLiteral("SELECT a.name, t.text FROM attachments a LEFT JOIN "
                                         "attachment_text t ON t.id = a.id WHERE a.id=?"));
            if (!name) return name.failure();
            (*name)->bind(1, att.toString());
            auto row = (*name)->next();
            if (!row) return row.failure();
            const QString fileName = *row ? (*name)->text(0) : QString();
            const QString text = *row ? (*name)->text(1) : QString();
            (*name)->reset();
            if (auto res = upsertSearch("attachment", att.toString(), experiment, r.object,
                                        fileName, text);
                !res)
                return res;
        }
        return {};
    }
    if (r.type == "attachment") {
        auto st = db.cached(QStringLiteral(
            "INSERT OR IGNORE INTO attachments(id, name, media_type, size, sha256, chunks, "
            "recorded_at) VALUES(?,?,?,?,?,?,?)"));
        if (!st) return st.failure();
        (*st)
            ->bind(1, r.id)
            .bind(2, b.value("name").toString())
            .bind(3, b.value("media_type").toString())
            .bind(4, b.value("size").toInteger())
            .bind(5, b.value("sha256").toString())
            .bind(6, toStringList(b.value("chunks")).join(','))
            .bind(7, r.recordedAt);
        if (auto res = (*st)->run(); !res) return res;
        const QJsonObject source = b.value("source").toObject();
        if (source.value("kind").toString() != "instrument") return {};
        auto cap = db.cached(QStringLiteral(
            "INSERT OR IGNORE INTO captures(id, instrument, original_path, modified_at, sha256, "
            "reader, problem) VALUES(?,?,?,?,?,?,?)"));
        if (!cap) return cap.failure();
        (*cap)
            ->bind(1, r.id)
            .bind(2, source.value("instrument").toString())
            .bind(3, source.value("original_path").toString())
            .bind(4, source.value("modified_at").toString())
            .bind(5, b.value("sha256").toString())
            .bind(6, source.value("reader").toString())
            .bind(7, source.value("problem").toString());
        return (*cap)->run();
    }
    if (r.type == "instrument") {
        auto up = db.cached(QStringLiteral(
            "UPDATE instruments SET head=?2, name=?3, model=?4, serial=?5, location=?6, "
            "status=?7, reason=?8, updated_at=?9 WHERE uuid=?1"));
        if (!up) return up.failure();
        (*up)
            ->bind(1, r.object)
            .bind(2, r.id)
            .bind(3, b.value("name").toString())
            .bind(4, b.value("model").toString())
            .bind(5, b.value("serial").toString())
            .bind(6, b.value("location").toString())
            .bind(7, b.value("status").toString())
            .bind(8, b.value("reason").toString())
            .bind(9, r.recordedAt);
        if (auto res = (*up)->run(); !res) return res;
        if (db.changes() > 0) return {};
        auto st = db.cached(QStringLiteral(
            "INSERT INTO instruments(uuid, head, name, model, serial, location, status, reason, "
            "author, created_at, updated_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?10)"));
        if (!st) return st.failure();
        (*st)
            ->bind(1, r.object)
            .bind(2, r.id)
            .bind(3, b.value("name").toString())
            .bind(4, b.value("model").toString())
            .bind(5, b.value("serial").toString())
            .bind(6, b.value("location").toString())
            .bind(7, b.value("status").toString())
            .bind(8, b.value("reason").toString())
            .bind(9, r.author)
            .bind(10, r.recordedAt);
        return (*st)->run();
    }
    if (r.type == "set_aside") {
        auto st = db.cached(QStringLiteral("INSERT OR IGNORE INTO set_asides(id, target, reason, "
                                           "author, recorded_at) VALUES(?,?,?,?,?)"));
        if (!st) return st.failure();
        (*st)
            ->bind(1, r.id)
            .bind(2, b.value("target").toString())
            .bind(3, b.value("reason").toString())
            .bind(4, r.author)
            .bind(5, r.recordedAt);
        return (*st)->run();
    }
    if (r.type == "signature") {
        auto st = db.cached(QStringLiteral(
            "INSERT OR IGNORE INTO signatures(id, target, target_object, meaning, signer, "
            "printed_name, signed_at) VALUES(?,?,?,?,?,?,?)"));
        if (!st) return st.failure();
        (*st)
            ->bind(1, r.id)
            .bind(2, b.value("target").toString())
            .bind(3, targetInfo(b.value("target").toString()).object)
            .bind(4, b.value("meaning").toString())
            .bind(5, r.author)
            .bind(6, b.value("printed_name").toString())
            .bind(7, b.value("signed_at").toString());
        return (*st)->run();
    }
    if (r.type == "anchor") {
        auto token = timestamp::readToken(unb64(b.value("token")));
        if (!token) return token.failure();
        const QString genTime = token->genTime.toUTC().toString(Qt::ISODateWithMs);
        const QJsonArray leaves = b.value("leaves").toArray();
        auto st = db.cached(QStringLiteral("INSERT OR IGNORE INTO anchors(id, root, tsa, "
                                           "gen_time, leaves) VALUES(?,?,?,?,?)"));
        if (!st) return st.failure();
        (*st)
            ->bind(1, r.id)
            .bind(2, b.value("root").toString())
            .bind(3, b.value("tsa").toString())
            .bind(4, genTime)
            .bind(5, qint64(leaves.size()));
        if (auto res = (*st)->run(); !res) return res;
        auto leaf = db.cached(
            QStringLiteral("INSERT OR IGNORE INTO anchored(record, anchor, leaf) VALUES(?,?,?)"));
        if (!leaf) return leaf.failure();
        auto done = db.cached(QStringLiteral(
            "DELETE FROM unanchored WHERE rowid = (SELECT rowid FROM records WHERE id=?)"));
        if (!done) return done.failure();
        for (qsizetype i = 0; i < leaves.size(); ++i) {
            (*leaf)->bind(1, leaves.at(i).toString()).bind(2, r.id).bind(3, qint64(i));
            if (auto res = (*leaf)->run(); !res) return res;
            (*done)->bind(1, leaves.at(i).toString());
            if (auto res = (*done)->run(); !res) return res;
        }
        if (genTime > lastTrustedTime) lastTrustedTime = genTime;
        return {};
    }
    // The notebook's time-stamp authorities are read from the records table when needed;
    // what was judged with the old ones is judged again.
    if (r.type == "tsa_trust") forgetTsaTrust();
    if (r.type == "comment") {
        const TargetInfo t = targetInfo(b.value("target").toString());
        auto st = db.cached(QStringLiteral(
            "INSERT OR IGNORE INTO comments(id, target, target_object, target_version, author, "
            "html, requests_changes, corrects, recorded_at) VALUES(?,?,?,?,?,?,?,?,?)"));
        if (!st) return st.failure();
        (*st)
            ->bind(1, r.id)
            .bind(2, b.value("target").toString())
            .bind(3, t.object)
            .bind(4, qint64(t.version))
            .bind(5, r.author)
            .bind(6, b.value("html").toString())
            .bind(7, qint64(b.value("requests_changes").toBool() ? 1 : 0))
            .bind(8, b.value("corrects").toString())
            .bind(9, r.recordedAt);
        return (*st)->run();
    }
    if (r.type == "audit") return noteAcknowledgement(r); // vault/Alarms.cpp
    return {}; // other audit records: the records table is enough
}

Result<void> Vault::Impl::insertRecord(const StoredRecord &r, const QString &path,
                                       const QByteArray &oid, const QString *precomputedSearch,
                                       bool fresh, bool writtenHere) {
    auto st = db.cached(QStringLiteral(
        "INSERT INTO records(id, type, object, prev, author, device, seq, recorded_at, "
        "version, envelope) VALUES(?,?,?,?,?,?,?,?,?,?)"));
    if (!st) return st.failure();
    (*st)->bind(1, r.id).bind(2, r.type).bind(3, r.object);
    if (r.prev.isEmpty())
        (*st)->bindNull(4);
    else
        (*st)->bind(4, r.prev);
    (*st)
        ->bind(5, r.author)
        .bind(6, r.device)
        .bind(7, r.seq)
        .bind(8, r.recordedAt)
        .bind(9, r.version)
        .bind(10, r.envelope);
    if (auto res = (*st)->run(); !res) return res;
    const qint64 rowid = db.lastInsertRowId();
    if (r.type != "anchor") {
        // Waits for a trusted time, unless an anchor that arrived first already covers it.
        // Asked as a lookup of its own, and only for a record that arrived: folded into the insert
        // (INSERT … SELECT … WHERE NOT EXISTS), SQLCipher 3.4's SQLite took 0.13 ms of CPU a
        // record, the largest single cost of a bulk save.
        bool covered = false;
        if (!writtenHere) {
            auto find = db.cached(QStringLiteral("SELECT 1 FROM anchored WHERE record=?"));
            if (!find) return find.failure();
            (*find)->bind(1, r.id);
            auto row = (*find)->next();
            if (!row) return row.failure();
            covered = *row;
            (*find)->reset();
        }
        if (!covered) {
            auto wait = db.cached(QStringLiteral("INSERT INTO unanchored(rowid) VALUES(?)"));
            if (!wait) return wait.failure();
            (*wait)->bind(1, rowid);
            if (auto res = (*wait)->run(); !res) return res;
        }
    }
    if (auto res = putRepoFile(path, oid, r.id); !res) return res;
    if (auto res = noteMerges(r); !res) return res;
    return materialize(r, precomputedSearch, fresh);
}

} // namespace quire
