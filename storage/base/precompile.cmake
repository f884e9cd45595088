# Precompiled headers. Qt's and the standard library's headers are most of what a file here
# compiles: storage/vault/Vault.cpp spends 5 of its 8.5 CPU-s in them. Each library precompiles
# the ones its folder uses most, once; the tests of one folder share one precompiled header.
# QUIRE_PCH=OFF compiles every file from its own includes only (a check that they are complete).
option(QUIRE_PCH "Precompile the Qt and standard headers most files include" ON)
set(QUIRE_PCH_CORE
    <algorithm> <functional> <memory> <optional> <string> <string_view> <vector> <QByteArray>
    <QDateTime> <QDir> <QFile> <QFileInfo> <QHash> <QJsonArray> <QJsonDocument> <QJsonObject>
    <QList> <QMap> <QRegularExpression> <QSet> <QString> <QStringList>)
# quire_precompile(<target> <header>...): the target's files compile with these headers
# precompiled (when QUIRE_PCH is on).
function(quire_precompile target)
  if(QUIRE_PCH)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()
