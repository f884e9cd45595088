#pragma once
// WebProfile: how each of Quire's web views gets its engine profile. It is off the record
// (cache and cookies in memory only, gone with it), refuses downloads, blocks and logs every
// request outside Quire's schemes, serves attachment images from the unlocked notebook, and
// switches off every setting through which a page could reach out. The notebook page runs no
// script at all; the editor runs its own (its policy forbids any other).

#include <QObject>

class QWebEngineProfile;

namespace quire::widgets {

class AttachmentSchemeHandler;
class RequestInterceptor;

struct LockedDownProfile {
    QWebEngineProfile *profile = nullptr;
    RequestInterceptor *interceptor = nullptr;
    AttachmentSchemeHandler *attachments = nullptr;
};

enum class PageScript { None, OwnOnly };

// Owned by `owner`; a page using it must be deleted before it (the engine insists).
LockedDownProfile makeLockedDownProfile(QObject *owner, PageScript script);

} // namespace quire::widgets
