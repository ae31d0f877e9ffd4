// _sitrep: the C++ side of the Python package `sitrep` (sitrep/__init__.py,
// docs/python.md). It runs the library the command line runs and hands Python the
// records the command line writes, as JSONL text made by the same writers
// (io/event_writers.h, io/writers.h, output/records.h): the Python side only parses
// them, so a record has exactly the fields of the CLI's output, by construction.
//
// The GIL is released while documents are read and analysed; Pipeline::process is
// const and thread-safe, so several Python threads may share one Pipeline.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "core/status.h"
#include "io/dates.h"
#include "io/event_writers.h"
#include "io/readers.h"
#include "io/writers.h"
#include "output/records.h"
#include "pipeline/ingest.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace py = pybind11;

namespace sitrep::python {
namespace {

// What to write of each analysed document.
enum What : unsigned {
  kDocument = 1,  // io::write_jsonl: metadata, text, blocks, sentences with tokens (sitrep parse --format jsonl)
  kEvents = 2,    // io::write_events_jsonl (sitrep events)
  kQuotes = 4,    // output::write_quotes_jsonl (sitrep quotes)
  kEntities = 8,  // output::write_mentions_jsonl (sitrep entities)
  kTimes = 16,    // output::write_times_jsonl (sitrep times)
  kTolls = 32,    // io::write_figures_jsonl (sitrep tolls)
};

// The records of one document, each a JSONL text ("" when not asked for).
struct Records {
  std::string document, events, quotes, entities, times, tolls;
  std::vector<std::string> warnings;  // what the analysis added (an over-long sentence cut)
};

[[noreturn]] void raise(const Status& st) {
  switch (st.code()) {
    case StatusCode::kInvalidArgument: throw py::value_error(st.message());
    case StatusCode::kNotFound: PyErr_SetString(PyExc_FileNotFoundError, st.message().c_str()); throw py::error_already_set();
    case StatusCode::kIOError: PyErr_SetString(PyExc_OSError, st.message().c_str()); throw py::error_already_set();
    default: throw std::runtime_error(st.message());
  }
}

py::str utf8(const std::string& s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (!o) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(o);
}

std::optional<Date> parse_date_arg(const std::optional<std::string>& text, const char* what) {
  if (!text || text->empty()) return std::nullopt;
  auto d = io::parse_date(*text);
  if (!d) throw py::value_error(fmt::format("{} {}: not a date (YYYY-MM-DD)", what, *text));
  return d;
}

io::InputFormat input_format(const std::string& name) {
  auto f = io::parse_input_format(name);
  if (!f.ok()) raise(f.status());
  return f.value();
}

// One input: a path (file, directory, "-"), or a text with its metadata.
struct Input {
  bool is_path = false;
  std::string value;  // the path, or the text
  std::optional<std::string> id, title, url, source;
  std::optional<Date> date;
  io::InputFormat format = io::InputFormat::kText;
};

// Reads a text as the command line reads a file of it (header block, headline,
// blocks), then gives it the metadata that was passed, as a JSONL line's fields would.
Status read_text(const Input& in, uint64_t max_document_bytes, const io::DocumentSink& sink,
                 const io::WarningSink& warn) {
  std::string name = in.id && !in.id->empty() ? *in.id : "text";
  return io::read_bytes(
      name, in.value, in.format,
      [&](Document&& doc) {
        doc.path.clear();
        if (in.id) doc.id = *in.id;
        if (in.title) doc.title = *in.title;
        if (in.url) doc.url = *in.url;
        if (in.source) doc.source = *in.source;
        if (in.date) doc.date = *in.date;
        sink(std::move(doc));
      },
      warn, max_document_bytes);
}

void render(const Document& doc, const events::Ontology& ontology, unsigned what, Records& r) {
  auto write = [&](unsigned flag, std::string& out, auto&& writer) {
    if (!(what & flag)) return;
    std::ostringstream os;
    writer(os);
    out = std::move(os).str();
  };
  write(kDocument, r.document, [&](std::ostream& os) { io::write_jsonl(doc, os); });
  write(kEvents, r.events, [&](std::ostream& os) { io::write_events_jsonl(doc, ontology, os); });
  write(kQuotes, r.quotes, [&](std::ostream& os) { output::write_quotes_jsonl(doc, os); });
  write(kEntities, r.entities, [&](std::ostream& os) { output::write_mentions_jsonl(doc, os); });
  write(kTimes, r.times, [&](std::ostream& os) { output::write_times_jsonl(doc, os); });
  write(kTolls, r.tolls, [&](std::ostream& os) { io::write_figures_jsonl(doc, os); });
}

// As the command line's --date: for documents that carry no date.
void date_if_undated(Document& doc, const std::optional<Date>& given) {
  if (!doc.date.known() && given) doc.date = *given, doc.date_source = "--date option";
}

py::tuple to_python(const Records& r) {
  py::list warnings;
  for (const auto& w : r.warnings) warnings.append(utf8(w));
  return py::make_tuple(utf8(r.document), utf8(r.events), utf8(r.quotes), utf8(r.entities), utf8(r.times), warnings,
                        utf8(r.tolls));
}

// Runs a corpus through a BatchRunner (as `sitrep events PATH...` does) on a thread of
// its own, handing the records of each document, in input order, to Python through a
// bounded queue; Python waits for them without the GIL.
class Stream {
 public:
  Stream(std::shared_ptr<const Pipeline> pipeline, std::vector<Input> inputs, unsigned threads,
         std::optional<Date> given, unsigned what, io::ReadOptions options)
      : pipeline_(std::move(pipeline)), inputs_(std::move(inputs)), threads_(threads), given_(given), what_(what),
        options_(options) {
    worker_ = std::thread([this] { run(); });
  }
  ~Stream() { close(); }

  // ("document", records tuple), ("warning", message), ("error", kind, message); None at the end.
  py::object next() {
    Item item;
    bool end = false;
    for (bool ready = false; !ready;) {
      {
        py::gil_scoped_release release;  // no Python object is touched in here
        std::unique_lock lock(mu_);
        ready = got_.wait_for(lock, std::chrono::milliseconds(100), [&] { return !queue_.empty() || done_; });
        if (ready && queue_.empty()) {
          end = true;
        } else if (ready) {
          item = std::move(queue_.front());
          queue_.pop_front();
          room_.notify_one();
        }
      }
      // Ctrl-C in a notebook: KeyboardInterrupt now, not when the next document is done.
      if (!ready && PyErr_CheckSignals() != 0) throw py::error_already_set();
    }
    if (end) return py::none();
    switch (item.kind) {
      case Item::kDocument: return py::make_tuple("document", to_python(item.records));
      case Item::kWarning: return py::make_tuple("warning", utf8(item.message));
      case Item::kError: break;
    }
    return py::make_tuple("error", status_code_name(item.code), utf8(item.message));
  }

  // Stops reading and analysing (what is under way finishes) and waits for the thread.
  void close() {
    {
      std::lock_guard lock(mu_);
      cancel_ = true;
      queue_.clear();
    }
    room_.notify_all();
    if (!worker_.joinable()) return;
    if (Py_IsInitialized() && PyGILState_Check()) {
      py::gil_scoped_release release;
      worker_.join();
    } else {
      worker_.join();
    }
  }

 private:
  struct Item {
    enum Kind { kDocument, kWarning, kError } kind = kDocument;
    Records records;
    std::string message;
    StatusCode code = StatusCode::kOk;
  };
  static constexpr size_t kMaxQueued = 256;  // documents (or warnings) waiting for Python

  bool cancelled() {
    std::lock_guard lock(mu_);
    return cancel_;
  }
  void push(Item item) {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return queue_.size() < kMaxQueued || cancel_; });
    if (cancel_) return;
    queue_.push_back(std::move(item));
    got_.notify_one();
  }
  void push_message(Item::Kind kind, std::string message, StatusCode code = StatusCode::kOk) {
    Item item;
    item.kind = kind, item.message = std::move(message), item.code = code;
    push(std::move(item));
  }

  void run() {
    try {
      const events::Ontology& ontology = *pipeline_->ontology();
      Status first_error;
      {
        std::deque<size_t> read_warnings;  // the reader's warnings of each queued document
        BatchRunner runner(*pipeline_, threads_, [&](Document& doc) {
          size_t first = read_warnings.front();
          read_warnings.pop_front();
          if (cancelled()) return;
          Item item;
          for (size_t i = first; i < doc.warnings.size(); ++i)
            item.records.warnings.push_back(fmt::format("{}: {}", doc.path.empty() ? doc.id : doc.path, doc.warnings[i]));
          render(doc, ontology, what_, item.records);
          push(std::move(item));
        });
        auto add = [&](Document&& doc) {
          if (cancelled()) return;
          date_if_undated(doc, given_);
          read_warnings.push_back(doc.warnings.size());
          runner.add(std::move(doc));
        };
        auto warn = [&](const std::string& w) { push_message(Item::kWarning, w); };
        for (const Input& in : inputs_) {
          if (cancelled()) break;
          Status st = in.is_path ? io::read_inputs({in.value}, options_, add, warn)
                                 : read_text(in, options_.max_document_bytes, add, warn);
          if (st.ok()) continue;
          if (first_error.ok())
            first_error = st;
          else
            warn(st.message());
        }
      }  // flushes the last batch
      if (!first_error.ok()) push_message(Item::kError, first_error.message(), first_error.code());
    } catch (const std::exception& e) {
      push_message(Item::kError, e.what(), StatusCode::kInternal);
    }
    std::lock_guard lock(mu_);
    done_ = true;
    got_.notify_all();
  }

  std::shared_ptr<const Pipeline> pipeline_;
  std::vector<Input> inputs_;
  unsigned threads_;
  std::optional<Date> given_;
  unsigned what_;
  io::ReadOptions options_;

  std::mutex mu_;
  std::condition_variable got_, room_;
  std::deque<Item> queue_;
  bool done_ = false, cancel_ = false;
  std::thread worker_;
};

class PyPipeline {
 public:
  PyPipeline(const std::optional<std::string>& dictionaries, uint64_t max_document_bytes)
      : max_document_bytes_(max_document_bytes) {
    Status st;
    std::optional<Pipeline> loaded;
    {
      py::gil_scoped_release release;
      auto p = Pipeline::load_default(Stage::kEvents);
      if (!p.ok()) {
        st = p.status();
      } else {
        loaded.emplace(std::move(p).value());
        if (dictionaries && !dictionaries->empty()) st = loaded->use_petrarch_dictionaries(*dictionaries);
      }
    }
    if (!st.ok()) raise(st);
    pipeline_ = std::make_shared<const Pipeline>(std::move(*loaded));
  }

  // analyse(text, date, id, title, url, source, format, what) -> records tuple.
  py::tuple analyse(std::string text, const std::optional<std::string>& date, const std::optional<std::string>& id,
                    const std::optional<std::string>& title, const std::optional<std::string>& url,
                    const std::optional<std::string>& source, const std::string& format, unsigned what) const {
    Input in;
    in.value = std::move(text);
    in.date = parse_date_arg(date, "date");
    in.id = id, in.title = title, in.url = url, in.source = source;
    in.format = input_format(format);
    Records records;
    Status st;
    std::vector<std::string> skipped;
    {
      py::gil_scoped_release release;
      std::optional<Document> doc;
      st = read_text(
          in, max_document_bytes_, [&](Document&& d) { doc.emplace(std::move(d)); },
          [&](const std::string& w) {
            if (w.find(": skipped: ") != std::string::npos) skipped.push_back(w);
          });
      if (st.ok() && doc) {
        size_t read_warnings = doc->warnings.size();
        pipeline_->process(*doc);
        render(*doc, *pipeline_->ontology(), what, records);
        // Every warning of the document is in its record; here, what the analysis added.
        records.warnings.assign(doc->warnings.begin() + static_cast<std::ptrdiff_t>(read_warnings),
                                doc->warnings.end());
      }
    }
    if (!st.ok()) raise(st);
    if (!skipped.empty()) throw py::value_error(skipped.front());
    return to_python(records);
  }

  // Analyses the files (and directories) `paths` and stores them in `db`, an SQLite file
  // or a PostgreSQL URL, as `sitrep ingest` does: the library's Ingester fed by the
  // readers, the GIL released throughout. Several processes may do this at once into one
  // PostgreSQL store (docs/store.md, "Several writers"). The tally as a dict; raises on a
  // store that cannot be opened or failed while writing.
  py::dict ingest(const std::vector<std::string>& paths, const std::string& db, unsigned threads,
                  const std::optional<std::string>& date, const std::string& format, size_t commit_every) const {
    io::ReadOptions options;
    options.format = input_format(format);
    options.max_document_bytes = max_document_bytes_;
    const std::optional<Date> given = parse_date_arg(date, "date");
    IngestTally tally;
    Status failed;
    std::vector<std::string> warnings, errors;  // inputs not read; documents not stored
    {
      py::gil_scoped_release release;
      failed = [&]() -> Status {
        SITREP_ASSIGN_OR_RETURN(store::Store store, store::Store::open(db));
        IngestRunOptions run;
        run.threads = threads;
        run.commit_every = commit_every;
        SITREP_ASSIGN_OR_RETURN(auto ingester, Ingester::start(*pipeline_, store, run, nullptr,
                                                               [&](const std::string& e) { errors.push_back(e); }));
        Status read = io::read_inputs(
            paths, options,
            [&](Document&& doc) {
              date_if_undated(doc, given);
              ingester->add(std::move(doc));
            },
            [&](const std::string& w) { warnings.push_back(w); });
        tally = ingester->finish();
        if (ingester->store_failed()) return Status::IOError(errors.empty() ? db + ": store failed" : errors.back());
        if (!read.ok()) warnings.push_back(read.message());
        return Status::Ok();
      }();
    }
    if (!failed.ok()) raise(failed);
    py::dict out;
    out["read"] = tally.read, out["added"] = tally.added, out["replaced"] = tally.replaced;
    out["unchanged"] = tally.unchanged, out["duplicates"] = tally.duplicates, out["failed"] = tally.failed;
    out["events"] = tally.events, out["analysed"] = tally.analysed;
    for (auto [key, list] : {std::pair{"warnings", &warnings}, std::pair{"errors", &errors}}) {
      py::list l;
      for (const auto& x : *list) l.append(utf8(x));
      out[key] = l;
    }
    return out;
  }

  // inputs: ("path", path) or ("text", text, id, title, url, source, date, format) tuples.
  std::unique_ptr<Stream> stream(const std::vector<py::tuple>& inputs, unsigned threads,
                                 const std::optional<std::string>& date, const std::string& format, unsigned what) const {
    std::vector<Input> parsed;
    parsed.reserve(inputs.size());
    auto opt = [](const py::handle& h) -> std::optional<std::string> {
      if (h.is_none()) return std::nullopt;
      return h.cast<std::string>();
    };
    for (const py::tuple& t : inputs) {
      Input in;
      auto kind = t[0].cast<std::string>();
      in.value = t[1].cast<std::string>();
      if (kind == "path") {
        in.is_path = true;
      } else if (kind == "text" && t.size() == 8) {
        in.id = opt(t[2]), in.title = opt(t[3]), in.url = opt(t[4]), in.source = opt(t[5]);
        in.date = parse_date_arg(opt(t[6]), "date");
        in.format = input_format(t[7].cast<std::string>());
      } else {
        throw py::value_error("an input is (\"path\", PATH) or (\"text\", TEXT, id, title, url, source, date, format)");
      }
      parsed.push_back(std::move(in));
    }
    io::ReadOptions options;
    options.format = input_format(format);
    options.max_document_bytes = max_document_bytes_;
    return std::make_unique<Stream>(pipeline_, std::move(parsed), threads, parse_date_arg(date, "date"), what, options);
  }

 private:
  std::shared_ptr<const Pipeline> pipeline_;
  uint64_t max_document_bytes_;
};

}  // namespace
}  // namespace sitrep::python

PYBIND11_MODULE(_sitrep, m) {
  using namespace sitrep::python;
  m.doc() = "sitrep's C++ pipeline (use the package `sitrep`, not this module)";
  m.attr("DOCUMENT") = static_cast<unsigned>(kDocument);
  m.attr("EVENTS") = static_cast<unsigned>(kEvents);
  m.attr("QUOTES") = static_cast<unsigned>(kQuotes);
  m.attr("ENTITIES") = static_cast<unsigned>(kEntities);
  m.attr("TIMES") = static_cast<unsigned>(kTimes);
  m.attr("TOLLS") = static_cast<unsigned>(kTolls);
  m.attr("DEFAULT_MAX_DOCUMENT_BYTES") = sitrep::io::kDefaultMaxDocumentBytes;

  py::class_<Stream>(m, "Stream")
      .def("next", &Stream::next, "(kind, ...) for the next item; None at the end")
      .def("close", &Stream::close, "stop reading and analysing, and wait for the worker thread");

  py::class_<PyPipeline>(m, "Pipeline")
      .def(py::init<const std::optional<std::string>&, uint64_t>(), py::arg("dictionaries") = py::none(),
           py::arg("max_document_bytes") = sitrep::io::kDefaultMaxDocumentBytes)
      .def("analyse", &PyPipeline::analyse, py::arg("text"), py::arg("date") = py::none(), py::arg("id") = py::none(),
           py::arg("title") = py::none(), py::arg("url") = py::none(), py::arg("source") = py::none(),
           py::arg("format") = "text", py::arg("what") = 63u,
           "(document, events, quotes, entities, times, warnings, tolls): JSONL texts made by the CLI's writers")
      .def("ingest", &PyPipeline::ingest, py::arg("paths"), py::arg("db"), py::arg("threads") = 1u,
           py::arg("date") = py::none(), py::arg("format") = "auto", py::arg("commit_every") = size_t{256},
           "analyse the files and store them in db (SQLite file or postgresql:// URL), as `sitrep ingest`: "
           "the tally (read, added, replaced, unchanged, duplicates, failed, events, analysed, warnings, errors)")
      .def("stream", &PyPipeline::stream, py::arg("inputs"), py::arg("threads") = 0u, py::arg("date") = py::none(),
           py::arg("format") = "auto", py::arg("what") = static_cast<unsigned>(kEvents));
}
