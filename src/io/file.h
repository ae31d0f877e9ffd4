// Whole-file reads: one open, one size query, one read into the string.
#pragma once

#include <string>

#include "core/status.h"

namespace sitrep::io {

// Reads the whole file at `path` into `out`; an error names the path and the reason.
Status read_file_bytes(const std::string& path, std::string* out);

}  // namespace sitrep::io
