#include "events/claims.h"

#include <string_view>

#include "events/event_context.h"
#include "events/ontology.h"
#include "text/text_util.h"

namespace sitrep::events {
namespace {

// The claim an event about responsibility makes, or false.
bool claim_of(const Document& doc, const Event& e, Claim& c) {
  c = Claim{};
  if (e.negated || e.future) return false;  // "did not deny", "will blame": no claim made
  c.sentence = e.sentence, c.evidence = e.span;
  if (e.code.starts_with("112") && !e.target.code.empty()) {
    std::string word = text::ascii_lower(doc.str(e.span));
    c.stance = word.starts_with("blam") ? "blames" : "accuses";
    c.by = e.source, c.party = e.target;  // (by no one named: "X, accused of killing ...")
    return true;
  }
  if (e.code == "016" && !e.source.code.empty()) {
    c.stance = "denies";
    c.by = e.source, c.party = e.source;
    return true;
  }
  if (e.code == "015" && !e.source.code.empty()) {
    c.stance = "claims";
    c.by = e.source, c.party = e.source;
    return true;
  }
  return false;
}

std::string_view country(const EventActor& a) { return std::string_view(a.code).substr(0, 3); }

// Whether `by` tells an attack its own non-state armed group did (REB, INS, SEP, UAF: those
// that claim attacks; a state's forces report operations). The group may be named more
// closely on one side ("Hamas said its militants fired": PSEREBHMS tells of PSEREB).
bool own_attack_claimed(const EventActor& by, const EventActor& doer) {
  const std::string& a = by.code.size() <= doer.code.size() ? by.code : doer.code;
  const std::string& b = by.code.size() <= doer.code.size() ? doer.code : by.code;
  return a.size() >= 6 && b.starts_with(a) && non_state_armed(a);
}

bool reporting_cue(const Document& doc, const Quote& q) {
  std::string cue = text::ascii_lower(q.cue.empty() ? std::string_view() : doc.str(q.cue));
  for (std::string_view c : {"according", "said", "say", "says", "told", "tells", "reported", "stated", "added",
                             "claimed", "alleged", "confirmed", "suspect", "believe"})
    if (cue.starts_with(c)) return true;
  return false;
}

// A doer no one identifies makes no claim of who did it ("unidentified gunmen", "a suicide
// bomber", "a man": docs/annotation.md); a group, a state, a force or a named person does.
// ("an Israeli drone" names whose it is: a country or a people in the phrase.)
bool no_one_in_particular(const Document& doc, const EventActor& doer) {
  for (const Mention& m : doc.mentions)  // (a group or country named first: "masked gunmen from Hamas")
    if ((m.type == EntityType::kNorp || m.type == EntityType::kGpe || m.type == EntityType::kOrg) &&
        m.kind == MentionKind::kName && m.span.begin >= doer.text.begin && m.span.end <= doer.text.end)
      return false;
  const std::string t = text::ascii_lower(doc.str(doer.text));
  return t.starts_with("a ") || t.starts_with("an ") || t.find("unidentified") != std::string::npos ||
         t.find("unknown") != std::string::npos || t.find("masked") != std::string::npos;
}

// Whether an actor's country is one the text did not give it: a bare role ("military
// sources") placed by its sentence's place or the article's main country.
bool country_from_context(const Document& doc, const EventActor& a) {
  return a.chain >= 0 && static_cast<size_t>(a.chain) < doc.chains.size() &&
         doc.chains[static_cast<size_t>(a.chain)].country_from_setting;
}

}  // namespace

void attach_claims(Document& doc) {
  // A violent event told by someone: "X said Y shelled Z" is X's word that Y did it.
  // (Said, quoted directly or "according to" someone: an indirect quotation under another
  // cue, "adopting Moscow's argument that...", may only report an argument.)
  for (Event& e : doc.events) {
    bool indirect = e.quote >= 0 && static_cast<size_t>(e.quote) < doc.quotes.size() && !doc.quotes[e.quote].direct &&
                    !reporting_cue(doc, doc.quotes[e.quote]);
    if (!violence_that_happened(e) || indirect || e.source.code.empty() || no_one_in_particular(doc, e.source)) continue;
    // Unnamed tellers of the doer's own kind ("an Israeli air strike ..., military sources
    // said") are the doer's own force, not of the country the story is in.
    if (e.reported_by.code.size() > 3 && e.source.code.size() > 3 && country_from_context(doc, e.reported_by) &&
        std::string_view(e.reported_by.code).substr(3) == std::string_view(e.source.code).substr(3))
      e.reported_by.code = e.source.code.substr(0, 3) + e.reported_by.code.substr(3);
    // (The claim is on the event it is about: the attack told before, when this one tells it
    // again with its doer, "said one of its fighters had carried out the attack".)
    Event* on = &e;
    for (int guard = 0; on->reports >= 0 && guard < 8; ++guard) on = &doc.events[static_cast<size_t>(on->reports)];
    // An armed group telling its own attack claims it ("a Taliban spokesman said one of the
    // movement's fighters carried out the attack"); an army telling its operation attributes it.
    // (A group claiming its attack is the party too: "Hamas said its fighters fired".)
    if (!e.reported_by.code.empty()) {
      const bool own = own_attack_claimed(e.reported_by, e.source);
      on->claims.push_back(Claim{e.reported_by, own ? "claims" : "attributes", own ? e.reported_by : e.source,
                                 e.sentence, e.reported_by.text});
    }
    for (const EventActor& r : e.also_reported_by)  // each of a list of speakers ("medics and witnesses said")
      if (!r.code.empty()) on->claims.push_back(Claim{r, "attributes", e.source, e.sentence, r.text});
  }
  for (size_t i = 0; i < doc.events.size(); ++i) {
    Claim c;
    if (!claim_of(doc, doc.events[i], c)) continue;
    // The violent event of its own sentence, else the last one reported before it.
    Event* about = nullptr;
    for (Event& v : doc.events)
      if (violence_that_happened(v) && v.sentence == c.sentence) about = about ? about : &v;
    if (!about) about = violence_told_before(doc, c.sentence);
    // A toll told again ("57 people were killed") is the event it tells of.
    for (int guard = 0; about && about->reports >= 0 && guard < 8; ++guard) about = &doc.events[about->reports];
    // A group claiming responsibility claims no deed the text gives another doer ("Israeli
    // soldiers opened fire ...", then "the Brigades claimed responsibility for launching
    // mortars"): the claim stays on its own event.
    if (about && about->sentence != c.sentence && c.stance == "claims" && !about->source.code.empty() &&
        country(about->source) != country(c.party))
      about = nullptr;
    // A deed the article does not tell as an event of its own ("blamed the Taliban for the
    // attack", "denied any role in the murder"): the claim stays on its own event.
    if (!about) about = &doc.events[i];
    about->claims.push_back(c);
  }
  // Contested: the claims (and the doer the text itself asserts) name different doers,
  // or someone denies being the doer another claim or the text names.
  for (Event& e : doc.events) {
    if (e.claims.empty()) continue;
    std::vector<std::string_view> doers;
    // (The doer a claim's own event names is the claimant, not the deed's doer.)
    bool asserted = violence_that_happened(e) && !e.source.code.empty() && e.reported_by.code.empty();
    if (asserted) doers.push_back(country(e.source));
    for (const Claim& c : e.claims)
      if (c.stance != "denies" && !c.party.code.empty()) doers.push_back(country(c.party));
    for (std::string_view d : doers) e.contested = e.contested || d != doers.front();
    for (const Claim& c : e.claims)
      if (c.stance == "denies")
        for (std::string_view d : doers) e.contested = e.contested || d == country(c.party);
  }
}

}  // namespace sitrep::events
