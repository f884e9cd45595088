# Fails when a file includes what DESIGN.md forbids:
# - C-library headers outside storage/;
# - storage headers from widgets/ or app/ (they talk to model/ only), widgets headers from model/;
# - Qt Widgets or QtWebEngine headers below widgets/ (storage/, model/);
# - inside storage/, the lower folders reaching up: base/, crypto/, records/, db/, html/ and
#   formats/ never include vault/, sync/ or pdf/ (they are the building blocks those use), and
#   formats/ (pure readers: bytes in, dataset out) includes nothing of storage but base/.
# Called with -DSOURCE_DIR=… and -DQT_GUI_HEADER_DIRS="dir|dir" (the QtWidgets and QtWebEngine*
# include folders, whose file names are the headers that are forbidden below widgets/).
set(c_libraries "openssl/|git2|sqlite3|sqlcipher|gumbo|cmark|poppler|qpdf/|archive")
file(GLOB_RECURSE storage_headers RELATIVE ${SOURCE_DIR}/storage ${SOURCE_DIR}/storage/*.h)
file(GLOB_RECURSE widgets_headers RELATIVE ${SOURCE_DIR}/widgets ${SOURCE_DIR}/widgets/*.h)
# Result.h is the one storage header every layer shares (storage/base, DESIGN.md).
list(REMOVE_ITEM storage_headers base/Result.h)

set(qt_gui_headers "")
string(REPLACE "|" ";" QT_GUI_HEADER_DIRS "${QT_GUI_HEADER_DIRS}")
foreach(dir ${QT_GUI_HEADER_DIRS})
  file(GLOB names RELATIVE ${dir} ${dir}/*)
  list(APPEND qt_gui_headers ${names})
endforeach()
list(REMOVE_DUPLICATES qt_gui_headers)
# The class headers (QWidget, QWebEngineView …); the lower-case .h files include some that
# QtGui owns in Qt 6 (qaction.h), and nobody includes those by that name.
list(FILTER qt_gui_headers INCLUDE REGEX "^Q[A-Za-z0-9]+$")

set(violations "")

# Does `line` include one of `headers` (given relative to a layer root: match the whole path or,
# for the flat folders of before, the bare name)?
function(includes_one_of line headers out)
  set(${out} "" PARENT_SCOPE)
  foreach(h ${headers})
    get_filename_component(base ${h} NAME)
    if(line MATCHES "[<\"/]${h}[>\"]" OR line MATCHES "[<\"]${base}[>\"]")
      set(${out} ${h} PARENT_SCOPE)
      return()
    endif()
  endforeach()
endfunction()

function(include_lines file out)
  file(STRINGS ${file} lines REGEX "^[ \t]*#[ \t]*include")
  set(${out} "${lines}" PARENT_SCOPE)
endfunction()

foreach(layer model widgets app)
  file(GLOB_RECURSE files ${SOURCE_DIR}/${layer}/*.cpp ${SOURCE_DIR}/${layer}/*.h)
  foreach(file ${files})
    include_lines(${file} includes)
    foreach(line ${includes})
      if(line MATCHES "[<\"](${c_libraries})")
        list(APPEND violations "${file}: ${line} (a C library outside storage/)")
      endif()
      if(NOT layer STREQUAL "model")
        includes_one_of("${line}" "${storage_headers}" hit)
        if(hit)
          list(APPEND violations "${file}: ${line} (a storage header outside model/)")
        endif()
      else()
        includes_one_of("${line}" "${widgets_headers}" hit)
        if(hit)
          list(APPEND violations "${file}: ${line} (a widgets header in model/)")
        endif()
      endif()
    endforeach()
  endforeach()
endforeach()

# Below widgets/: no Qt Widgets, no QtWebEngine.
file(GLOB_RECURSE below ${SOURCE_DIR}/storage/*.cpp ${SOURCE_DIR}/storage/*.h
     ${SOURCE_DIR}/model/*.cpp ${SOURCE_DIR}/model/*.h)
foreach(file ${below})
  include_lines(${file} includes)
  foreach(line ${includes})
    if(line MATCHES "[<\"](QtWidgets|QtWebEngine[A-Za-z]*|QtWebChannel)/")
      list(APPEND violations "${file}: ${line} (Qt Widgets or WebEngine below widgets/)")
    elseif(line MATCHES "^[ \t]*#[ \t]*include[ \t]*<([A-Za-z0-9_]+)>")
      list(FIND qt_gui_headers "${CMAKE_MATCH_1}" at)
      if(at GREATER -1)
        list(APPEND violations "${file}: ${line} (Qt Widgets or WebEngine below widgets/)")
      endif()
    endif()
  endforeach()
endforeach()

# Inside storage/: the building blocks never reach up.
set(lower_folders base crypto records db html formats)
set(upper_folders vault sync pdf)
foreach(folder ${lower_folders})
  file(GLOB_RECURSE files ${SOURCE_DIR}/storage/${folder}/*.cpp ${SOURCE_DIR}/storage/${folder}/*.h)
  foreach(file ${files})
    include_lines(${file} includes)
    foreach(line ${includes})
      foreach(upper ${upper_folders})
        set(headers ${storage_headers})
        list(FILTER headers INCLUDE REGEX "^${upper}/")
        includes_one_of("${line}" "${headers}" hit)
        if(hit)
          list(APPEND violations "${file}: ${line} (storage/${folder} reaches up into ${upper}/)")
        endif()
      endforeach()
      if(folder STREQUAL "formats")
        set(headers ${storage_headers})
        list(FILTER headers EXCLUDE REGEX "^(base|formats)/")
        includes_one_of("${line}" "${headers}" hit)
        if(hit)
          list(APPEND violations "${file}: ${line} (formats/ is pure: only base/ of storage)")
        endif()
      endif()
    endforeach()
  endforeach()
endforeach()

if(violations)
  string(REPLACE ";" "\n" text "${violations}")
  message(FATAL_ERROR "Forbidden includes:\n${text}")
endif()
message(STATUS "Layering OK")
