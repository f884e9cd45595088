#pragma once
// CliCommands: quire-cli's argument parsing and commands. Each command calls the same
// model services as the GUI; ids go to stdout alone, errors to stderr with a non-zero exit.

#include "export/PdfExport.h"

#include <QStringList>

#include <functional>

namespace quire::cli {

enum Exit { Ok = 0, Failed = 1, Usage = 2 };

int run(const QStringList &arguments);

// How `export pdf` prints HTML to PDF: set by main() when quire-cli is built with the window's
// web engine (QUIRE_GUI); without it `export pdf` says it is unavailable.
using PrinterFactory = std::function<PrintFunction(Notebook *notebook)>;
void setPrinterFactory(PrinterFactory factory);
PrintFunction printerFor(Notebook *notebook);

// The command named by the arguments (the first word that is not a global option), so that
// main() can start the graphical application the PDF commands need.
QString commandOf(const QStringList &arguments);

} // namespace quire::cli
