#include "store/stories.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "time/time_expressions.h"

namespace sitrep::store {
namespace {

using Profile = std::map<std::string, double>;  // word -> weight

bool word_char(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

const std::set<std::string>& stopwords() {
  static const std::set<std::string> s = {
      "the", "and", "for", "that", "with", "said", "was", "were", "has", "have", "had", "from", "its", "his", "her",
      "their", "they", "this", "will", "would", "not", "but", "are", "been", "after", "also", "who", "which", "about",
      "into", "over", "than", "more", "other", "on", "our", "out", "all", "one", "two", "new", "what", "when", "where",
      "there", "can", "could", "did", "does", "says", "say", "told", "him", "she", "you", "she", "any", "some", "such"};
  return s;
}

std::string encode(const Profile& p) {  // "word weight word weight ..."
  std::ostringstream out;
  for (auto& [w, v] : p) out << w << ' ' << v << ' ';
  return out.str();
}

Profile decode(const std::string& s) {
  Profile p;
  std::istringstream in(s);
  std::string w;
  double v;
  while (in >> w >> v) p[w] = v;
  return p;
}

// Keeps the `n` heaviest entries.
Profile top(const Profile& p, size_t n) {
  std::vector<std::pair<double, std::string>> v;
  for (auto& [w, x] : p) v.push_back({-x, w});
  std::sort(v.begin(), v.end());
  Profile out;
  for (size_t i = 0; i < v.size() && i < n; ++i) out[v[i].second] = -v[i].first;
  return out;
}

double norm(const Profile& p) {
  double n = 0;
  for (auto& [w, x] : p) n += x * x;
  return std::sqrt(n);
}

// Cosine of `a` (norm `na`) with `b` (norm `nb`): walks the shorter profile.
double cosine(const Profile& a, double na, const Profile& b, double nb) {
  if (na <= 0 || nb <= 0) return 0;
  double dot = 0;
  for (auto& [w, x] : a)
    if (auto it = b.find(w); it != b.end()) dot += x * it->second;
  return dot / (na * nb);
}

}  // namespace

StoryClusterer::StoryClusterer(Db& db)
    : db_(db),
      max_doc_(db, "SELECT coalesce(max(id), 1) FROM documents"),
      // Covered by the index on (last_date, first_date): no table row is read
      // unless its profile is not cached yet.
      candidates_(db,
                  "SELECT id FROM stories WHERE last_date >= ?2 AND first_date <= ?3 "
                  "UNION ALL SELECT id FROM stories WHERE CAST(?1 AS TEXT) IS NULL AND last_date IS NULL "
                  "ORDER BY 1 DESC LIMIT 500"),
      profile_(db, "SELECT profile, entities FROM stories WHERE id = ?"),
      story_of_(db, "SELECT story FROM story_documents WHERE document = ?"),
      insert_story_(db, "INSERT INTO stories (title, first_date, last_date, profile, entities) VALUES (?, ?, ?, ?, ?) "
                        "RETURNING id"),
      update_story_(db,
                    "UPDATE stories SET "
                    "first_date = CASE WHEN CAST(?2 AS TEXT) IS NULL OR first_date <= ?2 THEN coalesce(first_date, ?2) ELSE ?2 END, "
                    "last_date = CASE WHEN ?2 IS NULL OR last_date >= ?2 THEN coalesce(last_date, ?2) ELSE ?2 END, "
                    "profile = ?3, entities = ?4 WHERE id = ?1"),
      link_(db, "INSERT INTO story_documents (story, document) VALUES (?, ?) ON CONFLICT DO NOTHING") {}

std::unordered_map<std::string, int64_t> StoryClusterer::count_articles(const std::map<std::string, int>& words) {
  // kChunk words a statement (a few round trips an article on a server, not one a word),
  // each counted once more, with its count before.
  constexpr size_t kChunk = 64;
  std::unordered_map<std::string, int64_t> before;
  for (auto it = words.begin(); it != words.end();) {
    size_t k = std::min<size_t>(kChunk, std::distance(it, words.end()));
    Stmt& st = bump_df_[k];
    if (!st.prepared()) {
      std::string values;
      for (size_t i = 0; i < k; ++i) values += i ? ", (?, 1)" : "(?, 1)";
      st = Stmt(db_, "INSERT INTO terms (term, df) VALUES " + values +
                         " ON CONFLICT (term) DO UPDATE SET df = terms.df + 1 RETURNING term, df - 1");
    }
    for (size_t i = 0; i < k; ++i, ++it) st.bind(static_cast<int>(i + 1), it->first);
    while (st.step()) before[st.text(0)] = st.int64(1);
    st.reset();
  }
  return before;
}

int64_t StoryClusterer::assign(const Document& doc, int64_t id, int64_t duplicate_of) {
  std::string date = doc.date.iso();
  if (duplicate_of) {
    story_of_.bind(1, duplicate_of);
    int64_t story = story_of_.step() ? story_of_.int64(0) : 0;
    story_of_.reset();
    if (story) {
      link_.bind(1, story).bind(2, id).run();
      return story;
    }
  }
  // Term frequencies of the headline (counted twice) and the text.
  std::map<std::string, int> tf;
  auto count = [&](std::string_view text, int weight) {
    for (size_t i = 0; i < text.size();) {
      if (!word_char(static_cast<unsigned char>(text[i]))) { ++i; continue; }
      size_t b = i;
      while (i < text.size() && word_char(static_cast<unsigned char>(text[i]))) ++i;
      if (i - b < 3 || i - b > 40) continue;
      std::string w(text.substr(b, i - b));
      for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!stopwords().count(w)) tf[w] += weight;
    }
  };
  count(doc.title, 2);
  count(doc.text, 1);
  max_doc_.step();
  double n = static_cast<double>(max_doc_.int64(0));
  max_doc_.reset();
  std::unordered_map<std::string, int64_t> df = count_articles(tf);
  Profile profile;
  for (auto& [w, f] : tf) profile[w] = (1 + std::log(f)) * std::log((n + 1) / (static_cast<double>(df[w]) + 1));
  profile = top(profile, 30);
  const double profile_norm = norm(profile);
  std::set<std::string> entities;
  for (const Chain& c : doc.chains) {
    if (!c.actor.empty()) entities.insert(c.actor);
    else if (!c.canonical.empty() && c.type != EntityType::kNone) entities.insert(c.canonical);
  }

  int64_t best = 0;
  double best_score = kStoryThreshold;
  // Stories active within kStoryDays of its date (none for a date without its day).
  candidates_.bind_text_or_null(1, date);
  if (doc.date.known() && doc.date.day) {
    auto shifted = [&](int days) { return timex::civil_from_days(timex::days_from_civil(doc.date) + days).iso(); };
    candidates_.bind(2, shifted(-kStoryDays)).bind(3, shifted(kStoryDays));
  } else {
    candidates_.bind_null(2).bind_null(3);
  }
  while (candidates_.step()) {
    int64_t story = candidates_.int64(0);
    auto [it, fresh] = cache_.try_emplace(story);
    if (fresh) {
      profile_.bind(1, story);
      if (profile_.step()) {
        it->second.profile = decode(profile_.text(0));
        std::istringstream in(profile_.text(1));
        for (std::string line; std::getline(in, line);) it->second.entities.insert(line);
        it->second.norm = norm(it->second.profile);
      }
      profile_.reset();
    }
    const Profile& p = it->second.profile;
    const std::set<std::string>& e = it->second.entities;
    size_t shared = 0;
    for (auto& x : entities) shared += e.count(x);
    double overlap = entities.empty() || e.empty() ? 0 : static_cast<double>(shared) / std::min(entities.size(), e.size());
    double score = cosine(profile, profile_norm, p, it->second.norm) + 0.3 * overlap;
    if (score >= best_score) {
      best_score = score;
      best = story;
    }
  }
  candidates_.reset();
  auto join = [](const std::set<std::string>& s) {
    std::string out;
    for (auto& x : s) out += x + "\n";
    return out;
  };
  if (!best) {
    std::string title = doc.title;
    if (title.empty() && !doc.sentences.empty()) title = doc.text.substr(doc.sentences[0].span.begin,
                                                                         std::min<uint32_t>(doc.sentences[0].span.size(), 120));
    insert_story_.bind_text_or_null(1, title).bind_text_or_null(2, date).bind_text_or_null(3, date);
    insert_story_.bind(4, encode(profile)).bind(5, join(entities));
    best = insert_story_.insert();
    cache_[best] = Cached{profile, entities, profile_norm};
  } else {
    Cached& c = cache_[best];
    for (auto& [w, x] : profile) c.profile[w] += x;
    c.profile = top(c.profile, 60);
    c.norm = norm(c.profile);
    c.entities.insert(entities.begin(), entities.end());
    update_story_.bind(1, best).bind_text_or_null(2, date).bind(3, encode(c.profile));
    update_story_.bind(4, join(c.entities)).run();
  }
  link_.bind(1, best).bind(2, id).run();
  return best;
}

}  // namespace sitrep::store
