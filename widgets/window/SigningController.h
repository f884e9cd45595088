#pragma once
// SigningController: electronic signatures from the main window — the sign dialog on the
// page's entries (from Entry ▸ Sign…, the page's links and the details panel), countersigning
// from "Waiting for my signature", the evidence of one signature written to a folder for an
// independent check, and the time-stamp authorities that vouch for when records existed.
// Signing and attesting run on the dialogs' workers, during which the window leaves the
// notebook alone.

#include "Notebook.h"

#include <QObject>

class QWidget;

namespace quire::widgets {

class MainWindow;
class PageNavigator;
class SignDialog;

class SigningController : public QObject {
    Q_OBJECT
public:
    SigningController(MainWindow *window, PageNavigator *navigator);

    // Opens the sign dialog on the shown experiment's entries, `entry` chosen first (the
    // latest entry when empty).
    void signEntry(const QString &entry);
    void showReviewQueue();
    // File ▸ Export as PDF… for the shown experiment's entries.
    void exportPdf();
    // File ▸ Sign a PDF… and File ▸ Verify a PDF…; with `path` empty, a file is asked for.
    void signPdf(const QString &path);
    void verifyPdf(const QString &path);
    void openTimestampSettings(QWidget *parent);
    // Asks for a folder and writes the evidence of one signature on the shown page there;
    // with `parentDir` given, asks nothing.
    void exportEvidence(const QString &signatureId, const QString &parentDir);

signals:
    // A countersignature was given: the count of entries waiting for one is shown again.
    void reviewQueueChanged();
    // The time-stamp settings closed: records waiting for a trusted time may be fewer.
    void timestampSettingsClosed();

private:
    SignDialog *openSignDialog(const QList<EntryVersion> &entries, const QString &entry,
                               QWidget *parent);

    MainWindow *m_window;
    PageNavigator *m_navigator;
};

} // namespace quire::widgets
