// Publication dates as written in headers, meta tags and JSON fields.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/document.h"

namespace sitrep::io {

struct DateMatch {
  Date date;
  size_t length = 0;  // bytes of the input the date (and any time after it) took
};

// Parses a date at the start of `s`, with an optional weekday before it
// ("Wednesday, ", "Wed. ") and an optional time after it ("T10:30:00Z",
// " 10:30", " 10:30 GMT"). Accepted forms:
//   2022-03-02   2022/03/02   2022.03.02
//   March 2, 2022   Mar. 2, 2022   Mar 2 2022   March 2nd, 2022
//   2 March 2022    2 Mar. 2022    2nd March, 2022
// The day must exist in the month; years 1900..2199.
std::optional<DateMatch> parse_date_prefix(std::string_view s);

// The whole of `s` (trimmed) is one date, as parse_date_prefix reads it.
std::optional<Date> parse_date(std::string_view s);

}  // namespace sitrep::io
