#include "io/file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <fmt/format.h>

#include "text/normalize.h"

namespace sitrep::io {

Status read_file_bytes(const std::string& path, std::string* out) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) {
    int err = errno;
    std::string m = fmt::format("{}: cannot open: {}", text::normalize(path), std::strerror(err));
    return err == ENOENT ? Status::NotFound(m) : Status::IOError(m);
  }
  struct stat st {};
  out->clear();
  if (fstat(fileno(f.get()), &st) == 0 && S_ISREG(st.st_mode)) out->reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) out->append(buf, n);
  if (std::ferror(f.get()))
    return Status::IOError(fmt::format("{}: read error: {}", text::normalize(path), std::strerror(errno)));
  return Status::Ok();
}

}  // namespace sitrep::io
