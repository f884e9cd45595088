#include "sync/RemoteSettingsDialog.h"

#include "common/DialogParts.h"
#include "Notebook.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace quire::widgets {

namespace {

// A path field with a button that opens a file chooser beside it.
QWidget *fileRow(QLineEdit *edit, QPushButton *button, QWidget *parent) {
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}

} // namespace

RemoteSettingsDialog::RemoteSettingsDialog(Notebook *notebook, QWidget *parent)
    : QDialog(parent)
    , m_notebook(notebook) {
    setObjectName(QStringLiteral("remoteSettingsDialog"));
    setWindowTitle(tr("Remote settings"));
    setMinimumWidth(580);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(tr("Shared repository"), this));
    layout->addWidget(makeHint(tr("Quire shares this notebook through a git repository on your "
                                  "lab's server. Everything is encrypted before it leaves this "
                                  "computer: the server never sees what you write."),
                               this));

    QString url;
    if (m_notebook)
        if (auto current = m_notebook->remoteUrl(); current) url = *current;
    m_current = new QLabel(this);
    m_current->setObjectName(QStringLiteral("currentRemoteLabel"));
    m_current->setTextFormat(Qt::PlainText);
    m_current->setWordWrap(true);
    m_current->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_current->setText(url.isEmpty() ? tr("This notebook is not shared yet.")
                                     : tr("Now shared through %1").arg(url));
    layout->addWidget(m_current);
    layout->addSpacing(4);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_url = new QLineEdit(url, this);
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setPlaceholderText(tr("e.g. https://git.lab.example/notebooks/bench.git"));
    m_url->setToolTip(tr("https://…, ssh://…, git@host:path, git://… or a folder path"));
    form->addRow(tr("&Address:"), m_url);

    // One form for all fields, so that they line up; the login part under its own heading.
    auto *loginHeading = new QLabel(tr("Login, if the server asks for one"), this);
    QFont bold = loginHeading->font();
    bold.setWeight(QFont::DemiBold);
    loginHeading->setFont(bold);
    loginHeading->setContentsMargins(0, 10, 0, 0);
    form->addRow(loginHeading);

    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_user->setPlaceholderText(tr("Your user name on the server (https)"));
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("Password or access token (https)"));
    m_sshKey = new QLineEdit(this);
    m_sshKey->setObjectName(QStringLiteral("sshKeyEdit"));
    m_sshKey->setPlaceholderText(tr("Private key file (ssh), e.g. ~/.ssh/id_ed25519"));
    auto *sshButton = new QPushButton(tr("Choose…"), this);
    sshButton->setObjectName(QStringLiteral("sshKeyButton"));
    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setPlaceholderText(tr("Only for a server with its own certificate (PEM)"));
    auto *caButton = new QPushButton(tr("Choose…"), this);
    caButton->setObjectName(QStringLiteral("caFileButton"));
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password or token:"), m_secret);
    form->addRow(tr("SSH &key:"), fileRow(m_sshKey, sshButton, this));
    form->addRow(tr("&Certificate authority:"), fileRow(m_caFile, caButton, this));
    layout->addLayout(form);
    layout->addWidget(makeHint(tr("The password and the key are kept encrypted in this notebook "
                                  "and are never shown again. Saving replaces the login saved "
                                  "before, so enter them again whenever you save."),
                               this));

    m_error = makeErrorLabel(this);
    layout->addWidget(m_error);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Save"));
    ok->setEnabled(!url.isEmpty());
    useTextOnlyButtons(m_buttons);
    layout->addWidget(m_buttons);

    connect(m_url, &QLineEdit::textChanged, this, [this, ok](const QString &text) {
        ok->setEnabled(!text.trimmed().isEmpty());
        hideError(m_error); // it spoke of the address as it was
    });
    connect(sshButton, &QPushButton::clicked, this, [this] {
        chooseFile(m_sshKey, tr("Choose your ssh private key"), tr("All files (*)"));
    });
    connect(caButton, &QPushButton::clicked, this, [this] {
        chooseFile(m_caFile, tr("Choose the server's certificate authority"),
                   tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RemoteSettingsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_url->setFocus();
}

QString RemoteSettingsDialog::errorText() const {
    return m_error->isVisible() ? m_error->text() : QString();
}

void RemoteSettingsDialog::chooseFile(QLineEdit *into, const QString &title,
                                      const QString &filter) {
    const QString start = into->text().isEmpty() ? QDir::homePath() : into->text();
    const QString path = QFileDialog::getOpenFileName(this, title, start, filter);
    if (!path.isEmpty()) into->setText(QDir::toNativeSeparators(path));
}

void RemoteSettingsDialog::save() {
    if (!m_notebook) return;
    hideError(m_error);
    QByteArray key;
    const QString keyPath = QDir::fromNativeSeparators(m_sshKey->text().trimmed());
    if (!keyPath.isEmpty()) {
        QFile file(keyPath);
        if (!file.open(QIODevice::ReadOnly)) {
            showError(m_error, tr("The ssh key %1 cannot be read: %2.")
                                   .arg(QDir::toNativeSeparators(keyPath), file.errorString()));
            m_sshKey->setFocus();
            return;
        }
        key = file.readAll();
    }
    const QString caFile = QDir::fromNativeSeparators(m_caFile->text().trimmed());
    auto saved = m_notebook->setRemote(m_url->text().trimmed(), m_user->text().trimmed(),
                                       m_secret->text().toUtf8(), key, caFile);
    key.fill('\0');
    if (!saved) {
        showError(m_error, asSentence(saved.error()));
        m_url->setFocus();
        return;
    }
    m_secret->clear();
    accept();
}

} // namespace quire::widgets
