#include "editor/TemplateDialogs.h"

#include "common/DialogParts.h"
#include "Notebook.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

namespace quire::widgets {

TemplatePreview::TemplatePreview(QWidget *parent)
    : QTextBrowser(parent) {
    setOpenLinks(false);
    setOpenExternalLinks(false);
    // Tables of fields to fill in are what templates mostly hold: show their cells.
    document()->setDefaultStyleSheet(
        QStringLiteral("table { border-collapse: collapse; } th, td { border: 1px solid #b0b0b0; "
                       "padding: 4px 10px; } th { background-color: #f0f0f0; }"));
}

QVariant TemplatePreview::loadResource(int, const QUrl &) {
    return {};
}

namespace {

QString previewOf(const TemplateInfo &t) {
    if (t.kind != QLatin1String("experiment")) return t.html;
    QString out = QStringLiteral("<h2>%1</h2>").arg(t.title.toHtmlEscaped());
    QStringList about;
    if (!t.project.isEmpty())
        about << TemplatePickerDialog::tr("Project: %1").arg(t.project.toHtmlEscaped());
    if (!t.tags.isEmpty())
        about << TemplatePickerDialog::tr("Tags: %1").arg(t.tags.join(", ").toHtmlEscaped());
    if (!about.isEmpty()) out += QStringLiteral("<p><i>%1</i></p>").arg(about.join(" · "));
    for (const auto &e : t.entries)
        out += QStringLiteral("<h3>%1</h3>").arg(e.title.toHtmlEscaped()) + e.html;
    return out;
}

} // namespace

TemplatePickerDialog::TemplatePickerDialog(Notebook *notebook, const QString &kind, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind) {
    const bool experiment = kind == QLatin1String("experiment");
    setObjectName(QStringLiteral("templatePickerDialog"));
    setWindowTitle(experiment ? tr("New experiment from template") : tr("Insert template"));
    resize(820, 560);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(makeHeading(
        experiment ? tr("New experiment from template") : tr("Insert a template"), this));
    layout->addWidget(makeHint(experiment ? tr("The new experiment gets the template's project, "
                                               "tags and entries; each entry is a first version "
                                               "that names the template.")
                                          : tr("The template's text goes into the entry where "
                                               "the cursor is."),
                               this));
    auto *row = new QHBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("templateList"));
    m_list->setAccessibleName(tr("Templates"));
    m_preview = new TemplatePreview(this);
    m_preview->setObjectName(QStringLiteral("templatePreview"));
    m_preview->setAccessibleName(tr("Preview"));
    row->addWidget(m_list, 1);
    row->addWidget(m_preview, 2);
    layout->addLayout(row, 1);

    if (experiment) {
        auto *form = new QFormLayout;
        m_title = new QLineEdit(this);
        m_title->setObjectName(QStringLiteral("titleEdit"));
        m_title->setPlaceholderText(tr("e.g. Western blot of 7 December"));
        form->addRow(tr("&Title:"), m_title);
        layout->addLayout(form);
    }

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(experiment ? tr("&Create experiment") : tr("&Insert"));
    useTextOnlyButtons(m_buttons);
    layout->addWidget(m_buttons);

    auto list =
        notebook ? notebook->templates(kind) : Result<QList<TemplateInfo>>(QList<TemplateInfo>{});
    if (list) {
        for (const auto &t : *list) {
            m_uuids << t.uuid;
            m_htmls << t.html;
            m_previews << previewOf(t);
            m_titles << t.title;
            auto *item = new QListWidgetItem(t.name, m_list);
            item->setToolTip(tr("By %1").arg(t.authorName));
        }
    }
    if (m_uuids.isEmpty())
        m_preview->setPlainText(
            !list ? list.error()
            : experiment
                ? tr("There are no experiment templates yet. Save an experiment as a template "
                     "from the File menu.")
                : tr("There are no entry templates yet."));

    auto updateOk = [this, ok, experiment] {
        ok->setEnabled(m_list->currentRow() >= 0 &&
                       (!experiment || !m_title->text().trimmed().isEmpty()));
    };
    connect(m_list, &QListWidget::currentRowChanged, this, [this, updateOk] {
        showChosen();
        updateOk();
    });
    if (m_title) connect(m_title, &QLineEdit::textChanged, this, updateOk);
    connect(m_list, &QListWidget::itemActivated, this, [this, ok] {
        if (ok->isEnabled()) emit submitted();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TemplatePickerDialog::submitted);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (!m_uuids.isEmpty()) m_list->setCurrentRow(0);
    updateOk();
    if (m_title && !m_uuids.isEmpty()) m_title->setFocus();
}

void TemplatePickerDialog::showChosen() {
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_previews.size()) return;
    m_preview->setHtml(m_previews.at(row));
    // The template's title is a starting point; a title typed already stays.
    if (m_title && (m_title->text().isEmpty() || m_titles.contains(m_title->text())))
        m_title->setText(m_titles.at(row));
}

QString TemplatePickerDialog::templateUuid() const {
    return m_uuids.value(m_list->currentRow());
}

QString TemplatePickerDialog::title() const {
    return m_title ? m_title->text().trimmed() : QString();
}

QString TemplatePickerDialog::html() const {
    return m_htmls.value(m_list->currentRow());
}

TemplateNameDialog::TemplateNameDialog(const QString &what, const QString &suggestion,
                                       QWidget *parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("templateNameDialog"));
    setWindowTitle(tr("Save as template"));
    setMinimumWidth(460);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(makeHeading(tr("Save as template"), this));
    layout->addWidget(makeHint(what, this));
    auto *form = new QFormLayout;
    m_name = new QLineEdit(suggestion, this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    form->addRow(tr("&Name:"), m_name);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Save template"));
    ok->setEnabled(!suggestion.trimmed().isEmpty());
    useTextOnlyButtons(buttons);
    layout->addWidget(buttons);
    connect(m_name, &QLineEdit::textChanged, this,
            [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &TemplateNameDialog::submitted);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_name->selectAll();
    m_name->setFocus();
}

QString TemplateNameDialog::name() const {
    return m_name->text().trimmed();
}

} // namespace quire::widgets
