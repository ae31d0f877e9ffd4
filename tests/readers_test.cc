#include "io/readers.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "io/dates.h"

namespace sitrep::io {
namespace {

namespace fs = std::filesystem;

struct Collected {
  std::vector<Document> docs;
  std::vector<std::string> warnings;
  Status status;
};

Collected read_string(std::string_view name, std::string_view bytes, InputFormat format = InputFormat::kAuto) {
  Collected c;
  c.status = read_bytes(
      name, bytes, format, [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const std::string& w) { c.warnings.push_back(w); });
  return c;
}

Collected read_paths(const std::vector<std::string>& paths, const ReadOptions& options = {}) {
  Collected c;
  c.status = read_inputs(
      paths, options, [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const std::string& w) { c.warnings.push_back(w); });
  return c;
}

// The text of the blocks of `kind`, in order.
std::vector<std::string> blocks_of(const Document& doc, BlockKind kind) {
  std::vector<std::string> out;
  for (const Block& b : doc.blocks)
    if (b.kind == kind) out.emplace_back(doc.str(b.span));
  return out;
}

const char* kBody =
    "Rebel fighters seized the airport outside Kela on Sunday, the army said.\n\n"
    "The defence ministry said talks with the rebels would resume in Geneva next week.\n";

// ------------------------------------------------------------------ dates

TEST(DatesTest, ParsesCommonForms) {
  const Date d{2022, 3, 2};
  EXPECT_EQ(parse_date("2022-03-02"), d);
  EXPECT_EQ(parse_date("2022/03/02"), d);
  EXPECT_EQ(parse_date("March 2, 2022"), d);
  EXPECT_EQ(parse_date("Mar. 2, 2022"), d);
  EXPECT_EQ(parse_date("2 March 2022"), d);
  EXPECT_EQ(parse_date("Wednesday, March 2, 2022"), d);
  EXPECT_EQ(parse_date("Wed, 2 Mar 2022"), d);
  EXPECT_EQ(parse_date("2022-03-02T18:30:00+01:00"), d);
  EXPECT_EQ(parse_date("March 2, 2022 10:30 GMT"), d);
}

TEST(DatesTest, RejectsNonDates) {
  EXPECT_FALSE(parse_date("2022-02-30"));
  EXPECT_FALSE(parse_date("March 2022"));
  EXPECT_FALSE(parse_date("Tuesday night"));
  EXPECT_FALSE(parse_date("20220302"));
  EXPECT_FALSE(parse_date_prefix("12 soldiers were killed in 2022"));
}

TEST(DatesTest, PrefixLeavesTheRest) {
  auto m = parse_date_prefix("2022-03-02 Talks resume in Geneva");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->length, 10u);
}

// ------------------------------------------------------------- plain text

TEST(TextReaderTest, HeaderBlockIsParsedAndMarked) {
  std::string text = std::string("Title: Rebels seize airport near Kela\nDate: March 6, 2022\nSource: Example Wire\n"
                                 "URL: https://example.com/kela\n\n") + kBody;
  auto c = read_string("wire/kela.txt", text);
  ASSERT_EQ(c.docs.size(), 1u);
  const Document& doc = c.docs[0];
  EXPECT_EQ(doc.title, "Rebels seize airport near Kela");
  EXPECT_EQ(doc.date, (Date{2022, 3, 6}));
  EXPECT_EQ(doc.source, "Example Wire");
  EXPECT_EQ(doc.url, "https://example.com/kela");
  EXPECT_EQ(doc.id, "kela");
  EXPECT_EQ(doc.path, "wire/kela.txt");
  EXPECT_EQ(blocks_of(doc, BlockKind::kTitle), std::vector<std::string>{"Rebels seize airport near Kela"});
  EXPECT_EQ(blocks_of(doc, BlockKind::kHeader).size(), 4u);
  ASSERT_EQ(blocks_of(doc, BlockKind::kNews).size(), 2u);
  EXPECT_EQ(blocks_of(doc, BlockKind::kNews)[0].substr(0, 13), "Rebel fighter");
}

TEST(TextReaderTest, DateHeaderWithHeadlineOnTheSameLine) {
  std::string text = std::string(" date 2022-03-02 Talks between the two ministers were the first since the war began.\n\n") + kBody;
  auto c = read_string("a.txt", text);
  ASSERT_EQ(c.docs.size(), 1u);
  const Document& doc = c.docs[0];
  EXPECT_EQ(doc.date, (Date{2022, 3, 2}));
  EXPECT_EQ(doc.title, "Talks between the two ministers were the first since the war began.");
  EXPECT_EQ(blocks_of(doc, BlockKind::kHeader), std::vector<std::string>{"date 2022-03-02"});
  EXPECT_EQ(blocks_of(doc, BlockKind::kTitle), std::vector<std::string>{doc.title});
  EXPECT_EQ(blocks_of(doc, BlockKind::kNews).size(), 2u);
}

TEST(TextReaderTest, HeaderKeysAnyCaseIdOverridesStemHeadlineAfterHeader) {
  std::string text = std::string("ID: wire-0042\nAUTHOR: Jane Doe\ndate Wed, 2 Mar 2022\n"
                                 "Rebels seize airport as talks stall\n\n") + kBody;
  auto c = read_string("dir/file.txt", text);
  ASSERT_EQ(c.docs.size(), 1u);
  const Document& doc = c.docs[0];
  EXPECT_EQ(doc.id, "wire-0042");
  EXPECT_EQ(doc.date, (Date{2022, 3, 2}));
  EXPECT_EQ(blocks_of(doc, BlockKind::kHeader),
            (std::vector<std::string>{"ID: wire-0042", "AUTHOR: Jane Doe", "date Wed, 2 Mar 2022"}));
  EXPECT_EQ(doc.title, "Rebels seize airport as talks stall");
  EXPECT_EQ(blocks_of(doc, BlockKind::kNews).size(), 2u);
}

TEST(TextReaderTest, DateKeyWithoutADateIsNotAHeader) {
  auto c = read_string("a.txt", std::string("date night plans cancelled as storm hits\n\n") + kBody);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_FALSE(c.docs[0].date.known());
  EXPECT_TRUE(blocks_of(c.docs[0], BlockKind::kHeader).empty());
}

TEST(TextReaderTest, HeaderWordsInAHeadlineAreNotHeaders) {
  auto c = read_string("a.txt", std::string("Source of leak still unknown, ministry says\n\n") + kBody);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_TRUE(blocks_of(c.docs[0], BlockKind::kHeader).empty());
  EXPECT_EQ(c.docs[0].title, "Source of leak still unknown, ministry says");
}

TEST(TextReaderTest, HeadlineFirstLineBecomesTitle) {
  auto c = read_string("a.txt", std::string("Rebels seize airport as talks stall\n\n") + kBody);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "Rebels seize airport as talks stall");
  EXPECT_EQ(c.docs[0].blocks[0].kind, BlockKind::kTitle);
  // Directly followed by the body, without a blank line.
  auto d = read_string("a.txt", std::string("Will the ceasefire hold?\n") + kBody);
  EXPECT_EQ(d.docs[0].title, "Will the ceasefire hold?");
}

TEST(TextReaderTest, FirstSentenceIsNotTitle) {
  auto c = read_string("a.txt", kBody);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "");
  EXPECT_TRUE(blocks_of(c.docs[0], BlockKind::kTitle).empty());
  EXPECT_EQ(blocks_of(c.docs[0], BlockKind::kNews).size(), 2u);
  // A hard-wrapped first sentence: short first line, no period, but not a headline.
  auto w = read_string("a.txt", "Rebel fighters seized the airport outside Kela on\nSunday, the army said.\n");
  EXPECT_EQ(w.docs[0].title, "");
}

TEST(TextReaderTest, RepairsAndReportsInvalidUtf8) {
  auto c = read_string("bad.txt", "Troops entered Kherson\xFF on Tuesday.\r\nOfficials confirmed it.");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "Troops entered Kherson\xEF\xBF\xBD on Tuesday.\nOfficials confirmed it.");
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_EQ(c.warnings[0], "bad.txt: 1 invalid UTF-8 sequence replaced (first at byte 22)");
  EXPECT_EQ(c.docs[0].warnings, c.warnings);
}

TEST(TextReaderTest, TextIsNfc) {
  auto c = read_string("a.txt", "The cafe\xCC\x81 reopened.");
  EXPECT_EQ(c.docs[0].text, "The caf\xC3\xA9 reopened.");
}

// ------------------------------------------------------------------- HTML

const char* kHtml = R"(<!DOCTYPE html>
<html><head>
<title>Rebels seize airport | Example News</title>
<meta property="og:title" content="Rebels seize airport near Kela">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2022-03-06T09:15:00Z">
<link rel="canonical" href="https://news.example.com/world/kela-airport">
<script>var tracking = "Sign up now";</script>
<style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article>
<h1>Rebels seize airport near Kela</h1>
<div class="share-bar"><a>Share this article</a></div>
<p>Rebel fighters seized the airport outside Kela on Sunday,
   the army said &amp; residents confirmed.</p>
<figure><img src="x.jpg"><figcaption>Smoke rises over the airport on Sunday.</figcaption></figure>
<p>The defence ministry said talks would resume in Geneva.</p>
<aside><p>Related: more on the conflict</p></aside>
<form class="newsletter"><p>Get our daily briefing</p><button>Subscribe</button></form>
<div id="comments"><p>Great article!</p></div>
</article>
<footer><p>Contact us</p></footer>
</body></html>)";

TEST(HtmlReaderTest, ExtractsMetadata) {
  auto c = read_string("page.html", kHtml);
  ASSERT_EQ(c.docs.size(), 1u);
  const Document& doc = c.docs[0];
  EXPECT_EQ(doc.title, "Rebels seize airport near Kela");
  EXPECT_EQ(doc.date, (Date{2022, 3, 6}));
  EXPECT_EQ(doc.source, "Example News");
  EXPECT_EQ(doc.url, "https://news.example.com/world/kela-airport");
  EXPECT_EQ(doc.id, "page");
}

TEST(HtmlReaderTest, ExtractsArticleTextWithoutFurniture) {
  auto c = read_string("page.html", kHtml);
  ASSERT_EQ(c.docs.size(), 1u);
  const Document& doc = c.docs[0];
  EXPECT_EQ(doc.text,
            "Rebels seize airport near Kela\n\n"
            "Rebel fighters seized the airport outside Kela on Sunday, the army said & residents confirmed.\n\n"
            "Smoke rises over the airport on Sunday.\n\n"
            "The defence ministry said talks would resume in Geneva.");
  EXPECT_EQ(blocks_of(doc, BlockKind::kTitle), std::vector<std::string>{"Rebels seize airport near Kela"});
  EXPECT_EQ(blocks_of(doc, BlockKind::kCaption),
            std::vector<std::string>{"Smoke rises over the airport on Sunday."});
  EXPECT_EQ(blocks_of(doc, BlockKind::kNews).size(), 2u);
}

TEST(HtmlReaderTest, FallsBackToBodyTitleTagAndTimeElement) {
  const char* html = R"(<html><head><title>Port reopens</title></head><body>
<nav><p>Menu</p></nav>
<p>The port of Odesa reopened on Monday.</p>
<p class="promo-box">Try our app</p>
<time datetime="2022-05-09">9 May</time>
<script type="application/ld+json">{"@type":"NewsArticle"}</script>
</body></html>)";
  auto c = read_string("p.htm", html);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "Port reopens");
  EXPECT_EQ(c.docs[0].text, "The port of Odesa reopened on Monday.");
  EXPECT_EQ(c.docs[0].date, (Date{2022, 5, 9}));
}

TEST(HtmlReaderTest, OpeningH1IsTheTitleBlockEvenWhenOgTitleDiffers) {
  const char* html = R"(<html><head><meta property="og:title" content="Port reopens - Example"></head>
<body><article><h1>Port of Odesa reopens</h1><p>The port reopened on Monday.</p></article></body></html>)";
  auto c = read_string("p.html", html);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "Port reopens - Example");
  EXPECT_EQ(blocks_of(c.docs[0], BlockKind::kTitle), std::vector<std::string>{"Port of Odesa reopens"});
  EXPECT_EQ(blocks_of(c.docs[0], BlockKind::kNews), std::vector<std::string>{"The port reopened on Monday."});
}

TEST(HtmlReaderTest, BreaksNestingAndEntities) {
  const char* html = R"(<html><body>
<blockquote><p>First quoted paragraph.</p><p>Second &ldquo;quoted&rdquo; one.</p></blockquote>
<ul><li>Item one,<br>continued</li></ul>
<p>Caf&eacute; owners and cafe&#769; owners met.</p>
</body></html>)";
  auto c = read_string("p.html", html);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text,
            "First quoted paragraph.\n\nSecond \u201Cquoted\u201D one.\n\nItem one,\ncontinued\n\n"
            "Caf\u00E9 owners and caf\u00E9 owners met.");
}

TEST(InputsTest, StandardInputFormatIsSniffed) {
  auto html = read_string("-", "<html><body><p>From a page.</p></body></html>");
  ASSERT_EQ(html.docs.size(), 1u);
  EXPECT_EQ(html.docs[0].text, "From a page.");
  EXPECT_EQ(html.docs[0].path, "-");
  auto jsonl = read_string("-", R"({"text":"From a feed."})");
  ASSERT_EQ(jsonl.docs.size(), 1u);
  EXPECT_EQ(jsonl.docs[0].text, "From a feed.");
  EXPECT_EQ(jsonl.docs[0].id, "stdin-1");
  auto text = read_string("-", "From a pipe.");
  ASSERT_EQ(text.docs.size(), 1u);
  EXPECT_EQ(text.docs[0].text, "From a pipe.");
}

TEST(HtmlReaderTest, FurnitureClassesOnContainersOrLookalikesDoNotHideText) {
  const char* html = R"(<html><body class="single-post comments-open">
<main id="main"><div class="commentary-body"><p>Analysts expect the truce to hold.</p></div>
<div class="header-lead"><p>Talks resume on Monday.</p></div>
<div class="related-stories"><p>Other news</p></div>
<div class="ad"><p>Buy now</p></div></main></body></html>)";
  auto c = read_string("p.html", html);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "Analysts expect the truce to hold.\n\nTalks resume on Monday.");
}

TEST(HtmlReaderTest, PageWithoutTextElementsIsReadFromDivs) {
  const char* html = R"(<html><body><div class="story"><div>Floods hit the coast on Monday.</div>
<div>Thousands were evacuated.<br>Roads were closed.</div></div><div class="social-links">Tweet</div></body></html>)";
  auto c = read_string("p.html", html);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "Floods hit the coast on Monday.\n\nThousands were evacuated.\nRoads were closed.");
}

TEST(HtmlReaderTest, DateFromJsonLd) {
  const char* html = R"(<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2021-11-30T08:00:00Z"}]}
</script></head><body><main><p>Floods hit the coast.</p></main></body></html>)";
  auto c = read_string("p.html", html);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].date, (Date{2021, 11, 30}));
}

// ------------------------------------------------------------------ JSONL

TEST(JsonlReaderTest, ReadsGoodLinesAndReportsBadOnes) {
  std::string jsonl =
      R"({"id":"a1","title":"Port reopens","date":"2022-05-09","url":"https://x.example/a1","source":"Wire","text":"The port reopened on Monday."})"
      "\n\n"
      "not json at all\n"
      R"(["an", "array"])"
      "\n"
      R"({"title":"No text here"})"
      "\n"
      R"({"text":"Second article text."})"
      "\n";
  auto c = read_string("feed.jsonl", jsonl);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, "a1");
  EXPECT_EQ(c.docs[0].title, "Port reopens");
  EXPECT_EQ(c.docs[0].text, "The port reopened on Monday.");
  EXPECT_EQ(c.docs[0].date, (Date{2022, 5, 9}));
  EXPECT_EQ(c.docs[0].url, "https://x.example/a1");
  EXPECT_EQ(c.docs[0].source, "Wire");
  EXPECT_EQ(c.docs[1].id, "feed-6");
  EXPECT_EQ(c.docs[1].text, "Second article text.");
  ASSERT_EQ(c.warnings.size(), 3u);
  EXPECT_EQ(c.warnings[0].rfind("feed.jsonl:3: not valid JSON", 0), 0u) << c.warnings[0];
  EXPECT_EQ(c.warnings[1], "feed.jsonl:4: not a JSON object");
  EXPECT_EQ(c.warnings[2].rfind("feed.jsonl:5: no \"text\"", 0), 0u) << c.warnings[2];
}

TEST(JsonlReaderTest, TitleRepeatedAtTopOfTextIsTitleBlock) {
  auto c = read_string("f.jsonl", R"({"title":"Port reopens","text":"Port reopens\n\nThe port reopened on Monday."})");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "Port reopens\n\nThe port reopened on Monday.");
  EXPECT_EQ(blocks_of(c.docs[0], BlockKind::kTitle), std::vector<std::string>{"Port reopens"});
}

// ---------------------------------------------------------------- formats

TEST(InputsTest, FormatNamesAndExtensions) {
  EXPECT_EQ(parse_input_format("jsonl").value(), InputFormat::kJsonl);
  EXPECT_EQ(parse_input_format("TXT").value(), InputFormat::kText);
  EXPECT_FALSE(parse_input_format("pdf").ok());
  EXPECT_EQ(format_for_path("a/b.HTM"), InputFormat::kHtml);
  EXPECT_EQ(format_for_path("a/b.ndjson"), InputFormat::kJsonl);
  EXPECT_EQ(format_for_path("a/b.conllu"), InputFormat::kConllu);
  EXPECT_EQ(format_for_path("a/b.md"), InputFormat::kText);
}

TEST(InputsTest, ForcedFormatOverridesExtension) {
  auto c = read_string("x.txt", R"({"text":"Forced JSONL line."})", InputFormat::kJsonl);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "Forced JSONL line.");
}

TEST(InputsTest, ConlluIsChosenByExtension) {
  auto c = read_string("x.conllu", "1\tHello\n");  // too few columns for CoNLL-U
  EXPECT_FALSE(c.status.ok());
  EXPECT_NE(c.status.message().find("x.conllu"), std::string::npos);
}

class TempDir : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sitrep_readers_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& rel, std::string_view bytes) {
    fs::path p = dir_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p.string();
  }
  fs::path dir_;
};

using ReadInputsTest = TempDir;

TEST_F(ReadInputsTest, DirectoriesRecursiveSortedWithoutHiddenFiles) {
  write("b.txt", "Second file body text.");
  write("a/z.txt", "Nested file body text.");
  write("a.txt", "First file body text.");
  write(".hidden.txt", "Hidden file.");
  write(".git/config.txt", "Hidden directory.");
  write("c.jsonl", R"({"id":"j1","text":"From JSONL."})");
  auto c = read_paths({dir_.string()});
  ASSERT_TRUE(c.status.ok()) << c.status.message();
  std::vector<std::string> ids;
  for (const Document& d : c.docs) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"z", "a", "b", "j1"}));  // a/z.txt < a.txt < b.txt < c.jsonl
  EXPECT_TRUE(c.warnings.empty());
}

TEST_F(ReadInputsTest, DashReadsStandardInputInOrder) {
  std::string before = write("a.txt", "From a file.");
  std::istringstream fake_stdin("From standard input.");
  std::streambuf* saved = std::cin.rdbuf(fake_stdin.rdbuf());
  auto c = read_paths({"-", before});
  std::cin.rdbuf(saved);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].path, "-");
  EXPECT_EQ(c.docs[0].text, "From standard input.");
  EXPECT_EQ(c.docs[1].text, "From a file.");
}

TEST_F(ReadInputsTest, MissingPathIsAnErrorAfterTheOthersAreRead) {
  std::string good = write("good.txt", "A body sentence.");
  std::string missing = (dir_ / "nope.txt").string();
  auto c = read_paths({missing, good});
  EXPECT_FALSE(c.status.ok());
  EXPECT_EQ(c.status.code(), StatusCode::kNotFound);
  EXPECT_NE(c.status.message().find(missing), std::string::npos);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "good");
}

TEST_F(ReadInputsTest, UnreadableDirectoryIsAnErrorNamingIt) {
  write("a.txt", "First file body text.");
  write("locked/b.txt", "Locked file.");
  fs::permissions(dir_ / "locked", fs::perms::none);
  std::error_code ec;
  bool readable = fs::directory_iterator(dir_ / "locked", ec) != fs::directory_iterator() || !ec;
  if (readable) {
    fs::permissions(dir_ / "locked", fs::perms::owner_all);
    GTEST_SKIP() << "running with rights that read any directory (root)";
  }
  auto c = read_paths({dir_.string()});
  fs::permissions(dir_ / "locked", fs::perms::owner_all);
  EXPECT_FALSE(c.status.ok());
  EXPECT_NE(c.status.message().find("locked"), std::string::npos) << c.status.message();
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "a");
}

TEST_F(ReadInputsTest, BinaryFileIsSkippedWithAWarning) {
  std::string bin = write("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  std::string good = write("good.txt", "A body sentence.");
  auto c = read_paths({bin, good});
  EXPECT_TRUE(c.status.ok());
  ASSERT_EQ(c.docs.size(), 1u);
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_NE(c.warnings[0].find(bin), std::string::npos);
  EXPECT_NE(c.warnings[0].find("not a text file"), std::string::npos);
}

// Hostile inputs (each must end at once, with a warning, and lose nothing else).

TEST_F(ReadInputsTest, NamedPipeIsSkippedNotWaitedOn) {
  std::string fifo = (dir_ / "pipe.txt").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string good = write("good.txt", "A body sentence.");
  auto c = read_paths({fifo, good});  // opening the pipe would block: no writer
  EXPECT_TRUE(c.status.ok());
  ASSERT_EQ(c.docs.size(), 1u);
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_EQ(c.warnings[0], fifo + ": skipped: not a regular file (give - to read a stream)");
}

TEST_F(ReadInputsTest, DocumentsOverTheSizeLimitAreSkippedAndTheOthersRead) {
  ReadOptions options;
  options.max_document_bytes = 100;
  std::string big = write("big.txt", std::string(150, 'a'));
  std::string small = write("small.txt", "A body sentence.");
  std::string lines = write("c.jsonl", R"({"id":"long","text":")" + std::string(150, 'b') + "\"}\n" +
                                           R"({"id":"short","text":"Short."})" + "\n");
  auto c = read_paths({big, small, lines}, options);
  EXPECT_TRUE(c.status.ok());
  std::vector<std::string> ids;
  for (const Document& d : c.docs) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"small", "short"}));
  ASSERT_EQ(c.warnings.size(), 2u);
  EXPECT_EQ(c.warnings[0], big + ": skipped: a document of 150 bytes, over the limit of 100 (--max-document-bytes)");
  EXPECT_NE(c.warnings[1].find(lines + ":1: skipped: a document of"), std::string::npos) << c.warnings[1];
  options.max_document_bytes = 0;  // no limit
  EXPECT_EQ(read_paths({big}, options).docs.size(), 1u);
}

TEST_F(ReadInputsTest, StandardInputStopsAtTheSizeLimitAndAtBinaryData) {
  ReadOptions options;
  options.max_document_bytes = 1000;
  std::istringstream endless(std::string(100000, 'x'));
  std::streambuf* saved = std::cin.rdbuf(endless.rdbuf());
  auto c = read_paths({"-"}, options);
  EXPECT_LE(endless.tellg(), 1000 + (1 << 16));  // read no further than the chunk past the limit
  std::istringstream zeros(std::string(100000, '\0'));
  std::cin.rdbuf(zeros.rdbuf());
  auto z = read_paths({"-"}, options);
  std::cin.rdbuf(saved);
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_NE(c.warnings[0].find("-: skipped: a document of"), std::string::npos) << c.warnings[0];
  EXPECT_TRUE(z.docs.empty());
  ASSERT_EQ(z.warnings.size(), 1u);
  EXPECT_NE(z.warnings[0].find("not a text file"), std::string::npos);
}

TEST_F(ReadInputsTest, FileNamesThatAreNotUtf8AreShownWithReplacementCharacters) {
  std::string file = write("report\xff.txt", "A body sentence.");
  auto c = read_paths({dir_.string()});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].path, (dir_ / "report\xEF\xBF\xBD.txt").string());
  EXPECT_EQ(c.docs[0].id, "report\xEF\xBF\xBD");
  EXPECT_EQ(c.docs[0].text, "A body sentence.");
}

TEST(HtmlReaderTest, DeeplyNestedMarkupIsReadAsTextWithAWarning) {
  std::string html = "<html><head><script>var x = '<div>';</script></head><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>Rebels seized the airport &amp; the port.</p><p>Talks resumed.";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  auto c = read_string("deep.html", html);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "Rebels seized the airport & the port.\n\nTalks resumed.");
  ASSERT_EQ(c.warnings.size(), 1u);
  EXPECT_EQ(c.warnings[0], "deep.html: elements nested deeper than 512: read as text without its markup");
  EXPECT_EQ(c.docs[0].warnings, c.warnings);
}

TEST(HtmlReaderTest, UnclosedElementsCountAsNestingButParagraphsDoNot) {
  std::string unclosed = "<body>";
  for (int i = 0; i < 600; ++i) unclosed += "<span>";
  unclosed += "Text in spans.";
  EXPECT_EQ(read_string("spans.html", unclosed).warnings.size(), 1u);
  std::string paragraphs = "<html><head><title>Many paragraphs</title></head><body>";
  for (int i = 0; i < 600; ++i) paragraphs += "<p>Paragraph " + std::to_string(i) + ".";  // closed by the next <p>
  auto c = read_string("p.html", paragraphs);
  EXPECT_TRUE(c.warnings.empty());
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "Many paragraphs");  // parsed as HTML
}

TEST_F(ReadInputsTest, MostlyInvalidUtf8IsBinary) {
  std::string noise;
  for (int i = 0; i < 600; ++i) noise += static_cast<char>(0x80 + (i * 37) % 0x7F);
  std::string bin = write("noise.txt", noise);
  auto c = read_paths({bin});
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.warnings.size(), 1u);
}

// ------------------------------------------------------------ invariants

// What the tokenizer relies on, for any input: blocks in order, disjoint,
// inside the text, non-empty and without surrounding white space.
void expect_valid_blocks(const Document& doc, const std::string& input) {
  uint32_t last_end = 0;
  for (const Block& b : doc.blocks) {
    ASSERT_LT(b.span.begin, b.span.end) << ::testing::PrintToString(input);
    ASSERT_LE(b.span.end, doc.text.size()) << ::testing::PrintToString(input);
    ASSERT_GE(b.span.begin, last_end) << ::testing::PrintToString(input);
    std::string_view t = doc.str(b.span);
    ASSERT_FALSE(t.front() == ' ' || t.front() == '\n' || t.back() == ' ' || t.back() == '\n')
        << ::testing::PrintToString(input);
    last_end = b.span.end;
  }
}

TEST(ReaderInvariantsTest, BlocksAreOrderedDisjointAndTrimmedForArbitraryInput) {
  const char* pieces[] = {" date 2022-03-02 ", "Title: ", "source ", "\n", "\n\n", " ", "Rebels Seize Airport",
                          "the army said.", "Mr.", "Sign up to our newsletter!", "REUTERS/Jan Novak", "\xC2\xA9 2022",
                          "<p>", "</p>", "<h1>", "<figcaption>", "<br>", "{\"text\":\"a\\nb\"}", "\xFF", "\r\n",
                          "e\xCC\x81", "\xE2\x80\x9C", "\t", "AFP via Getty Images", "Photo: X"};
  std::mt19937 rng(4242);
  for (int round = 0; round < 2000; ++round) {
    std::string input;
    int len = 1 + static_cast<int>(rng() % 16);
    for (int k = 0; k < len; ++k) input += pieces[rng() % std::size(pieces)];
    for (InputFormat f : {InputFormat::kText, InputFormat::kHtml, InputFormat::kJsonl}) {
      auto c = read_string("r.txt", input, f);
      ASSERT_TRUE(c.status.ok());
      for (const Document& d : c.docs) expect_valid_blocks(d, input);
    }
  }
}

// ----------------------------------------------------------- the samples

TEST(SamplesTest, ReadsTheSharedSampleArticles) {
  // SITREP_SOURCE_DIR "/../shared/samples" in the main checkout; a worktree
  // under wt/ sits one level deeper, and some machines copy shared/ inside.
  fs::path dir;
  for (const char* rel : {"/../shared/samples", "/../../shared/samples", "/shared/samples"})
    if (fs::is_directory(std::string(SITREP_SOURCE_DIR) + rel)) {
      dir = std::string(SITREP_SOURCE_DIR) + rel;
      break;
    }
  if (dir.empty()) GTEST_SKIP() << "no sample articles at " SITREP_SOURCE_DIR "/../shared/samples";
  auto c = read_paths({dir.string()});
  ASSERT_TRUE(c.status.ok()) << c.status.message();
  ASSERT_EQ(c.docs.size(), 4u);
  const Document& d000 = c.docs[0];
  const Document& d001 = c.docs[1];
  const Document& d002 = c.docs[2];
  const Document& d003 = c.docs[3];
  EXPECT_EQ(d003.date, (Date{2022, 3, 2}));
  EXPECT_FALSE(d003.title.empty());
  EXPECT_FALSE(d001.title.empty());
  EXPECT_FALSE(d002.title.empty());
  EXPECT_EQ(blocks_of(d001, BlockKind::kTitle).size(), 1u);
  EXPECT_EQ(blocks_of(d002, BlockKind::kTitle).size(), 1u);
  EXPECT_TRUE(d000.title.empty());  // 000 opens with a sentence
  // The two last blocks of 000 (newsletter prompt, form terms) are not news.
  ASSERT_GE(d000.blocks.size(), 3u);
  EXPECT_EQ(d000.blocks[d000.blocks.size() - 1].kind, BlockKind::kBoilerplate);
  EXPECT_EQ(d000.blocks[d000.blocks.size() - 2].kind, BlockKind::kBoilerplate);
  EXPECT_EQ(d000.blocks[d000.blocks.size() - 3].kind, BlockKind::kNews);
  // 001 ends with a repeated headline and a photo caption.
  ASSERT_GE(d001.blocks.size(), 3u);
  EXPECT_EQ(d001.blocks.back().kind, BlockKind::kCaption);
  EXPECT_NE(d001.blocks[d001.blocks.size() - 2].kind, BlockKind::kNews);
  for (const Document& d : c.docs) EXPECT_TRUE(d.warnings.empty()) << d.id;
}

}  // namespace
}  // namespace sitrep::io
