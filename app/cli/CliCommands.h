#pragma once
// CliCommands: quire-cli's argument parsing and commands. Each command calls the same
// model services as the GUI; ids go to stdout alone, errors to stderr with a non-zero exit.

#include <QStringList>

namespace quire::cli {

enum Exit { Ok = 0, Failed = 1, Usage = 2 };

int run(const QStringList &arguments);

} // namespace quire::cli
