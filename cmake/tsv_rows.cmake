# Compiles a TSV table of data/ into C++ rows, so that the library carries it and
# reads no file at run time (the CAMEO ontology, the CAMEO->PLOVER crosswalk). Run at
# build time by the custom commands in CMakeLists.txt:
#   cmake -DIN=table.tsv -DOUT=table.inc -DCOLUMNS=N -P tsv_rows.cmake
# The first line is the header; blank lines and lines starting with # are skipped; each
# row becomes {"cell", ...}, of exactly N cells. The C++ side checks the cells' meaning.
# No semicolons anywhere in the file, comments included: CMake splits lists at them.
file(STRINGS "${IN}" lines ENCODING UTF-8)
list(POP_FRONT lines header)
set(out "// Generated from ${IN} by cmake/tsv_rows.cmake: do not edit.\n")
foreach(line IN LISTS lines)
  if(line STREQUAL "" OR line MATCHES "^#")
    continue()
  endif()
  if(line MATCHES "[\"\\\\;]")
    message(FATAL_ERROR "${IN}: a quote, backslash or semicolon in '${line}'")
  endif()
  string(REPLACE "\t" ";" cells "${line}")
  list(LENGTH cells n)
  if(NOT n EQUAL COLUMNS)
    message(FATAL_ERROR "${IN}: expected ${COLUMNS} tab-separated cells in '${line}'")
  endif()
  set(row "{")
  foreach(cell IN LISTS cells)
    string(APPEND row "\"${cell}\", ")
  endforeach()
  string(APPEND out "${row}},\n")
endforeach()
file(WRITE "${OUT}.tmp" "${out}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
