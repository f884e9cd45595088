#pragma once
// GitRemote: the network half of sync. It fetches one branch of the lab's git server into a
// tracking ref of the local bare repository and pushes one local ref to a branch there, over a
// path or file://, git://, ssh:// or https://. Trees, merging and import are the sync engine's
// job; this class only moves objects and refs, safely:
//  - the remote is anonymous (in memory), so no address or secret is ever written to the
//    repository's configuration, FETCH_HEAD or a reflog;
//  - nothing in RemoteCredentials appears in a log or an error message;
//  - https trusts the system's certificate authorities plus an optional extra one, checked
//    with OpenSSL including the host name; ssh host keys are pinned or reported (trust on
//    first use);
//  - a cancelled or dropped transfer leaves the previous refs in place (libgit2 moves a ref
//    only after the whole pack is stored), so the next sync simply does the job again;
//  - a server that goes silent is given up after the stall time-out, and cancel takes effect
//    even then (a watchdog thread shuts the transfer's own connections down).
// Both calls block: run them on a worker thread. Progress arrives on that thread. Transfers to
// the same server should not overlap (the sync engine runs one at a time): a watchdog that
// gives up could also cut a connection another transfer opened to that server meanwhile.

#include "crypto/Crypto.h"
#include "Result.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <chrono>
#include <functional>

namespace quire {

struct RemoteCredentials {
    // Never logged and never put in a message.
    QString user;                      // https basic-auth user, or ssh user (else from the URL)
    crypto::SecureBytes secret;        // https password or token
    crypto::SecureBytes sshPrivateKey; // OpenSSH or PEM private key text; empty = ssh-agent
    QByteArray sshPublicKey;           // optional; derived from the private key when empty
    QString extraCaPemFile;            // a certificate authority trusted besides the system's
    QString sshHostKeySha256;          // pinned host key, hex SHA-256 (or ssh-keygen's
                                       // "SHA256:base64"); empty = accept and report it
};

struct TransferProgress {
    qint64 objectsDone = 0;
    qint64 objectsTotal = 0;
    qint64 bytes = 0;
};

struct FetchOutcome {
    QByteArray remoteHead;    // hex oid of the fetched branch; empty if the remote has none
    QString sshHostKeySha256; // the host key the ssh server showed (hex SHA-256), else empty
};

struct PushOutcome {
    // The server has commits this copy lacks (not a fast-forward, or someone pushed in
    // between): fetch and merge, then push again. Not an error.
    bool rejected = false;
    QString message;          // why it was rejected, in plain words
    QByteArray pushedHead;    // hex oid now on the remote branch when the push went through
    QString sshHostKeySha256; // as in FetchOutcome
};

using TransferProgressCallback = std::function<void(const TransferProgress &)>;

class GitRemote {
public:
    // url: an absolute path, file://, git://, ssh://[user@]host[:port]/path, user@host:path,
    // or https://host[:port]/path. Plain http and passwords inside the address are refused.
    // Any failure, including cancel (set *cancel), is a Result error with a message a person
    // can act on.
    static Result<FetchOutcome> fetch(const QString &repoPath, const QString &url,
                                      const RemoteCredentials &credentials,
                                      const QString &branch,      // "main"
                                      const QString &trackingRef, // "refs/remotes/origin/main"
                                      const TransferProgressCallback &progress = {},
                                      const std::atomic_bool *cancel = nullptr);

    static Result<PushOutcome> push(const QString &repoPath, const QString &url,
                                    const RemoteCredentials &credentials,
                                    const QString &localRef,     // "refs/heads/main"
                                    const QString &remoteBranch, // "main"
                                    const TransferProgressCallback &progress = {},
                                    const std::atomic_bool *cancel = nullptr);

    // How long a transfer may move no data at all before it is given up as a dead connection
    // ("the server stopped answering"), for every transfer that starts afterwards. Default 120 s.
    // Cancel works at any time, silent server or not.
    static void setStallTimeout(std::chrono::milliseconds timeout);

    // Checks an address before anything is stored or contacted; the error says what is wrong.
    static Result<void> validateUrl(const QString &url);

    // The address without any user:password@ part, for messages and the sync log.
    static QString redactUrl(const QString &url);
};

} // namespace quire
