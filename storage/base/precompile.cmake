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

# quire_moc_own_headers(): every AUTOMOC target below the top folder runs moc through
# moc-own-headers.sh (why: that file), which passes moc only the include folders inside the
# source and build trees. Called once, after all targets exist.
function(quire_moc_own_headers)
  get_target_property(QUIRE_MOC Qt6::moc IMPORTED_LOCATION)
  set(wrapper ${CMAKE_BINARY_DIR}/moc-own-headers.sh)
  configure_file(${CMAKE_CURRENT_FUNCTION_LIST_DIR}/moc-own-headers.sh.in ${wrapper} @ONLY
                 FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                 WORLD_READ WORLD_EXECUTE)
  set(folders ${CMAKE_SOURCE_DIR})
  while(folders)
    list(POP_FRONT folders folder)
    get_property(targets DIRECTORY ${folder} PROPERTY BUILDSYSTEM_TARGETS)
    foreach(target ${targets})
      get_target_property(automoc ${target} AUTOMOC)
      if(automoc)
        set_property(TARGET ${target} PROPERTY AUTOMOC_EXECUTABLE ${wrapper})
      endif()
    endforeach()
    get_property(subfolders DIRECTORY ${folder} PROPERTY SUBDIRECTORIES)
    list(APPEND folders ${subfolders})
  endwhile()
endfunction()
