# Translations are complete and plurals are real plurals (issue 17).
#  - translations/quire_de.ts has no unfinished and no vanished message: every text the window
#    can show, storage's messages included, is in German; quire_en.ts has the English singular
#    and plural of every "%n …" text.
#  - No string literal in widgets/, model/, storage/ or app/ writes a plural as "(s)", "(es)" or
#    "(ies)": a count is tr("%n …", nullptr, n), with its forms in the .ts files.
# Run: cmake -DSOURCE_DIR=<repo> -P check_translations.cmake
set(problems "")

foreach(language de en)
file(READ ${SOURCE_DIR}/translations/quire_${language}.ts ts)
string(REGEX MATCHALL "<source>[^<]*</source>[ \n\t]*(<comment>[^<]*</comment>[ \n\t]*)?<translation type=\"(unfinished|vanished|obsolete)\""
       unfinished "${ts}")
foreach(hit IN LISTS unfinished)
  string(REGEX REPLACE "<source>([^<]*)</source>.*" "\\1" text "${hit}")
  string(APPEND problems "quire_${language}.ts: not translated: ${text}\n")
endforeach()
# A numerus message left half-done has an empty form.
string(REGEX MATCHALL "<source>[^<]*</source>[ \n\t]*<translation>[ \n\t]*<numerusform></numerusform>"
       emptyForms "${ts}")
foreach(hit IN LISTS emptyForms)
  string(REGEX REPLACE "<source>([^<]*)</source>.*" "\\1" text "${hit}")
  string(APPEND problems "quire_${language}.ts: a plural form is empty: ${text}\n")
endforeach()
endforeach()

file(GLOB_RECURSE sources ${SOURCE_DIR}/widgets/*.cpp ${SOURCE_DIR}/widgets/*.h
     ${SOURCE_DIR}/model/*.cpp ${SOURCE_DIR}/model/*.h ${SOURCE_DIR}/storage/*.cpp
     ${SOURCE_DIR}/storage/*.h ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h)
foreach(source IN LISTS sources)
  file(STRINGS ${source} lines REGEX "\\((s|es|ies)\\)")
  foreach(line IN LISTS lines)
    string(STRIP "${line}" stripped)
    if(stripped MATCHES "^//")
      continue()
    endif()
    # Character literals first ('"' would unbalance the quotes), then each string literal.
    string(REGEX REPLACE "'(\\\\.|[^'\\\\])'" "''" line "${line}")
    string(REGEX MATCHALL "\"([^\"\\\\]|\\\\.)*\"" literals "${line}")
    foreach(literal IN LISTS literals)
      if(literal MATCHES "[A-Za-z]\\((s|es|ies)\\)")
        file(RELATIVE_PATH where ${SOURCE_DIR} ${source})
        string(APPEND problems "${where}: a plural written as (s): ${literal}\n")
      endif()
    endforeach()
  endforeach()
endforeach()

if(problems)
  message(FATAL_ERROR "${problems}")
endif()
message(STATUS "quire_de.ts is complete and no text writes a plural as (s)")
