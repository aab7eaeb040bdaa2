using System;
using System.Collections.Generic;
using System.Linq;
using AiNews.Text;

namespace AiNews.Tagging
{
    /// <summary>
    /// Describes an article for the model: each candidate organization with where and how it is named (headline subject,
    /// position of first mention, mentions in title/lead/body, a person's background, nationality cues), each tag's cue
    /// evidence and the AI-relevance evidence. Every named organization, the shipped ones and a user's, gets the same
    /// features: nothing here is keyed on one company.
    /// </summary>
    internal sealed class FeatureExtractor
    {
        // A first mention this early in the body (characters) is the lead's own subject.
        private const int EarlyMention = 200;

        // The country code (OrganizationEntry.Country) of a 국내 기업; any other is a 해외 기업.
        private const string DomesticCountry = "KR";

        private static readonly string[] BucketKinds = { Taxonomy.Government, Taxonomy.Research, Taxonomy.Domestic, Taxonomy.Foreign, Taxonomy.Other };

        private readonly TaxonomyMatchers _m;
        private readonly TaggerSettings _settings;
        private readonly SubjectFinder _subjects;

        public FeatureExtractor(TaxonomyMatchers matchers, TaggerSettings settings)
        {
            _m = matchers;
            _settings = settings;
            _subjects = new SubjectFinder(matchers, settings);
        }

        private sealed class OrgEvidence
        {
            public double Score;
            public int Title, Lead, Body, Background, NameHits;
            public int FirstTitleToken = -1;
            public string TitleRole;
            public int FirstOffset = -1;
        }

        private sealed class CueProfile
        {
            public int TitleStrong, TitleWeak, LeadStrong, LeadWeak, BodyStrong, BodyWeak, FirstSentence;
            public double Score;
            public HashSet<string> StrongTerms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            // Each cue word's weighted presence (headline 3, lead 2, body 1 per mention), keyed by the word in lower case.
            public SortedDictionary<string, double> TermWeights = new SortedDictionary<string, double>(StringComparer.Ordinal);
        }

        public ArticleDescription Describe(string title, string content, string language)
        {
            title = TextNormalizer.SingleLine(title ?? string.Empty);
            content = content ?? string.Empty;
            language = LanguageGuess.Decide(language, title, content) ?? "en";
            bool english = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
            var doc = new TaggingDocument(title, content, english, _settings);
            var d = new ArticleDescription();
            Taxonomy taxonomy = _m.Taxonomy;

            // ---- evidence -------------------------------------------------------------------------
            Dictionary<string, CueProfile> ai = Profiles(doc, _m.Ai, diminishing: false);
            CueProfile aiProfile = ai.TryGetValue("ai", out CueProfile p) ? p : new CueProfile();
            d.AiScore = Math.Round(aiProfile.Score, 2);
            d.TitleAiHits = aiProfile.TitleStrong;

            var orgs = new Dictionary<string, OrgEvidence>(StringComparer.Ordinal);
            foreach (var hit in doc.Hits(_m.Orgs))
            {
                string label = hit.Hit.Term.Label;
                if (!orgs.TryGetValue(label, out OrgEvidence e)) orgs[label] = e = new OrgEvidence();
                if (_subjects.IsBackground(hit.Tokens, hit.Hit.First, hit.Hit.Last)) { e.Background++; continue; }
                e.Score += hit.Hit.Term.Weight * hit.Weight;
                if (hit.Hit.Term.Weight >= 1.0) e.NameHits++;
                if (hit.InTitle)
                {
                    e.Title++;
                    if (e.FirstTitleToken < 0)
                    {
                        e.FirstTitleToken = hit.Hit.First;
                        e.TitleRole = HeadlineRole.Find(doc.Title, hit.Hit, english, _settings.ListMarks);
                    }
                }
                else
                {
                    if (hit.InLead) e.Lead++; else e.Body++;
                    if (e.FirstOffset < 0) e.FirstOffset = hit.Offset;
                }
            }
            foreach (var kv in orgs.Where(kv => kv.Value.Score > 0)) d.OrganizationScores[kv.Key] = Math.Round(kv.Value.Score, 2);
            var present = orgs.Where(kv => kv.Value.Score > 0).OrderByDescending(kv => kv.Value.Score).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToList();
            var inTitle = present.Where(kv => kv.Value.Title > 0).OrderBy(kv => kv.Value.FirstTitleToken).ToList();
            d.Listed.AddRange(present.Where(kv => kv.Value.Title > 0 || kv.Value.Score >= _settings.ListedScore).Select(kv => kv.Key));

            HeadlineSubject subject = _subjects.Find(doc);
            d.Subject = subject?.Text;
            string subjectBucket = subject != null && subject.Organization == null ? _subjects.BucketKindFor(subject, doc) : null;
            int foreignLean = _subjects.ForeignLean(doc);
            string ruleMain = RuleMain(subject, subjectBucket, inTitle, present);

            Dictionary<string, CueProfile> tags = Profiles(doc, _m.Tags, diminishing: true);
            foreach (var kv in tags) d.TagScores[kv.Key] = Math.Round(kv.Value.Score, 2);
            d.TitleHasImportanceCue = doc.Title.Count > 0 && _m.Importance.Match(doc.Title).Count > 0;

            // ---- organization candidates --------------------------------------------------------
            // An unlisted company in the headline, repeated by the body, before a named one ("X, 엔비디아와 ...", "X가 구글
            // 클라우드에 ..."): the one named first is more often the story's actor than the partner after it.
            string repeatedName = RepeatedTitleName(doc, out _);
            int repeatedAt = repeatedName == null ? -1 : doc.Title.FindIndex(x => Tokenizer.Stems(x.Text).Contains(repeatedName));
            // A government named before a company in the headline ("EU, 메타에 과징금 ...", "일본이 소니에 ...", "Senators ask
            // Apple to ...") acts on it: the story is the government's.
            int governmentAt = GovernmentInTitle(doc);
            // Who acts in the lead's first sentence ("X는 ... 밝혔다"): a Korean report names its story's actor there first.
            string leadActorName = null;
            int leadActorRepeats = 0;
            string leadActorKind = english ? null : LeadActor(doc, out leadActorName, out leadActorRepeats);
            double total = present.Sum(kv => kv.Value.Score);
            double second(string except) => present.Where(kv => kv.Key != except).Select(kv => kv.Value.Score).DefaultIfEmpty(0).Max();
            var named = present.Select(kv => kv.Key).ToList();
            if (subject?.Organization != null && !named.Contains(subject.Organization)) named.Add(subject.Organization);
            foreach (string org in named)
            {
                OrgEvidence e = orgs.TryGetValue(org, out OrgEvidence x) ? x : new OrgEvidence();
                var f = new FeatureVector();
                f.Add("n:bias", 1.0);
                bool isSubject = subject?.Organization == org;
                f.Add("n:subject", isSubject);
                if (isSubject) f.Add("n:subject:" + subject.How, true);
                if (subject != null && !isSubject) f.Add("n:otherSubject:" + (subject.Organization != null ? "named" : subject.Kind), true);
                f.Add("n:title", e.Title > 0);
                f.Add("n:titleFirst", inTitle.Count > 0 && inTitle[0].Key == org);
                f.Add("n:titleOnly", inTitle.Count == 1 && inTitle[0].Key == org);
                f.Add("n:titleShared", e.Title > 0 && inTitle.Count > 1);
                if (e.TitleRole != null) f.Add("n:titleRole:" + e.TitleRole, true);
                f.Add("n:unlistedBefore", repeatedAt >= 0 && e.Title > 0 && repeatedAt < e.FirstTitleToken);
                f.Add("n:governmentBefore", governmentAt >= 0 && e.Title > 0 && governmentAt < e.FirstTitleToken);
                if (e.FirstTitleToken >= 0) f.Add("n:titlePos", 1.0 - (double)e.FirstTitleToken / Math.Max(1, doc.Title.Count));
                f.Add("n:score", FeatureVector.Log(e.Score));
                f.Add("n:share", total > 0 ? e.Score / total : 0);
                double s2 = second(org);
                f.Add("n:top", e.Score > 0 && e.Score >= s2);
                f.Add("n:dominant", e.Score > 0 && e.Score >= 2 * s2);
                f.Add("n:lead", e.Lead > 0);
                f.Add("n:leadCount", FeatureVector.Log(e.Lead));
                f.Add("n:bodyCount", FeatureVector.Log(e.Body));
                f.Add("n:early", e.FirstOffset >= 0 && e.FirstOffset < EarlyMention);
                f.Add("n:absentFromText", e.Lead + e.Body == 0);
                f.Add("n:aliasOnly", e.Score > 0 && e.NameHits == 0);
                f.Add("n:background", e.Background > 0);
                f.Add("n:rule", ruleMain == org);
                f.Add("n:english", english);
                f.Add("n:short", doc.IsShort);
                d.Candidates.Add(new OrganizationCandidate(org, true, f));
            }

            // The context a bucket is judged in; each bucket weighs it its own way.
            var ctx = new FeatureVector();
            ctx.Add("bias", 1.0);
            if (subject == null) ctx.Add("noSubject", true);
            else if (subject.Organization != null) ctx.Add("subjectNamed", true);
            else
            {
                ctx.Add("subject:" + (subject.Kind == "unknown" ? "company" : subjectBucket), true);
                ctx.Add("subjectRaw:" + subject.Kind, true);
                ctx.Add("subjectHow:" + subject.How, true);
                ctx.Add("subjectMentions", FeatureVector.Log(subject.Mentions));
            }
            ctx.Add("titleNamed:" + Math.Min(inTitle.Count, 2), true);
            ctx.Add("topNamed", FeatureVector.Log(present.Count > 0 ? present[0].Value.Score : 0));
            ctx.Add("namedCount", FeatureVector.Log(present.Count));
            ctx.Add("english", english);
            ctx.Add("foreignLean", Math.Max(-3, Math.Min(3, foreignLean)) / 3.0);
            CountryCues(doc, out int foreignBody, out int domesticBody, out bool countryOpensTitle);
            ctx.Add("foreignBody", FeatureVector.Log(foreignBody));
            ctx.Add("domesticBody", FeatureVector.Log(domesticBody));
            // "우크라이나 “...”", "중국, AI 규제 ...": a country heading the headline acts as its government.
            ctx.Add("countryOpensTitle", countryOpensTitle);
            // "미국이 ...", "中, ...", "EU는 ...": a country acting in the headline is its government.
            ctx.Add("countryActsInTitle", CountryActsInTitle(doc));
            ctx.Add("governmentBeforeNamed", governmentAt >= 0 && inTitle.Count > 0 && governmentAt < inTitle[0].Value.FirstTitleToken);
            // A linear model cannot combine two facts by itself: a story written abroad with nobody in the headline is
            // often a trend piece; the same with a subject is that subject's story.
            ctx.Add("english&noSubject", english && subject == null);
            ctx.Add("english&unknownSubject", english && subject != null && subject.Organization == null);
            ctx.Add("noSubject&noNamedTitle", subject == null && inTitle.Count == 0);
            ctx.Add("looksForeign", foreignLean > 0);
            ctx.Add("short", doc.IsShort);
            var memberBody = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var hit in doc.Hits(_m.Buckets))
            {
                string kind = hit.Hit.Term.Label.Substring("bucket:".Length);
                if (hit.InTitle) ctx.Add("memberTitle:" + kind, 1.0);
                else if (hit.InLead) ctx.Add("memberLead:" + kind, 0.5);
                else memberBody[kind] = (memberBody.TryGetValue(kind, out int n) ? n : 0) + 1;
            }
            foreach (var kv in memberBody.OrderBy(kv => kv.Key, StringComparer.Ordinal)) ctx.Add("memberBody:" + kv.Key, FeatureVector.Log(kv.Value));
            // A question, an opinion column or a headline about an industry ("업계", "빅테크", "열풍") has no single actor.
            TitleForm(doc, out bool question, out bool column, out int trendWords);
            ctx.Add("titleQuestion", question);
            ctx.Add("titleColumn", column);
            ctx.Add("titleTrend", Math.Min(2, trendWords) / 2.0);
            // Words of a government's action in the headline ("추진", "선정", "법안", "ban").
            int policyWords = doc.Title.Count(token => Tokenizer.Stems(token.Text).Any(_settings.PolicyWords.Contains));
            ctx.Add("titlePolicy", Math.Min(2, policyWords) / 2.0);
            // An unknown company's nationality from how the text introduces it: "미국 스타트업 X", "X(대표 홍길동)".
            // Who the text names says where an unknown company is from (PersonCues); it says little when the subject is known.
            if (!english && subject != null && subject.Organization == null)
            {
                PersonCues people = PersonCues.Count(doc.Body, _settings);
                ctx.Add("koreanHeads", FeatureVector.Log(people.KoreanHeads));
                ctx.Add("koreanPeople", FeatureVector.Log(people.KoreanPeople));
                ctx.Add("foreignGlosses", FeatureVector.Log(people.ForeignGlosses));
                ctx.Add("chiefExecutives", FeatureVector.Log(people.ChiefExecutives));
            }
            if (subject != null && subject.Organization == null)
            {
                var heads = Tokenizer.Tokenize(subject.Text);
                if (heads.Count > 0)
                {
                    Nationality(doc, Tokenizer.Stems(heads[heads.Count - 1].Text).Last(), out int foreignIntro, out int domesticIntro);
                    ctx.Add("subjectForeignIntro", foreignIntro > 0);
                    ctx.Add("subjectDomesticIntro", domesticIntro > 0);
                }
            }
            if (leadActorKind != null)
            {
                ctx.Add("leadActor:" + leadActorKind, true);
                if (leadActorName != null)
                {
                    ctx.Add("leadActorRepeats", FeatureVector.Log(leadActorRepeats));
                    ctx.Add("leadActorLatin", Tokenizer.IsLatinOrDigit(leadActorName[0]));
                    Nationality(doc, leadActorName, out int foreignIntro, out int domesticIntro);
                    ctx.Add("leadActorForeignIntro", foreignIntro > 0);
                    ctx.Add("leadActorDomesticIntro", domesticIntro > 0);
                }
            }
            // The headline word the body repeats most, when it is no known name or cue: most often a company the
            // dictionary does not know (a trend piece repeats none). How the text introduces it says where it is from.
            string repeated = RepeatedTitleName(doc, out int repeats);
            ctx.Add("titleNameRepeats", FeatureVector.Log(repeats));
            if (repeated != null)
            {
                ctx.Add("titleNameLatin", !english && Tokenizer.IsLatinOrDigit(repeated[0]));
                Nationality(doc, repeated, out int foreignIntro, out int domesticIntro);
                ctx.Add("titleNameForeignIntro", foreignIntro > 0);
                ctx.Add("titleNameDomesticIntro", domesticIntro > 0);
            }
            foreach (Token token in doc.Title)
                foreach (string stem in Tokenizer.Stems(token.Text))
                    foreach (string kind in new[] { Taxonomy.Government, Taxonomy.Research })
                        if (_m.Titles.Contains(kind + ":" + stem)) ctx.Add("officeTitle:" + kind, true);
            foreach (string kind in SuffixKinds(doc.Title)) ctx.Add("suffixTitle:" + kind, true);
            // What the story is about says whose story it is: policy words lean to a government, research words to a lab.
            foreach (TagEntry tag in taxonomy.Tags)
                if (tags.TryGetValue(tag.Name, out CueProfile tp)) ctx.Add("tag:" + tag.Name, FeatureVector.Log(tp.Score));
            if (subject != null && subject.Organization == null && subject.Text.Length > 0)
                ctx.Add("subjectLatin", Tokenizer.IsLatinOrDigit(subject.Text[0]) && !english);
            foreach (string kind in BucketKinds)
            {
                string label = taxonomy.BucketName(kind);
                var f = new FeatureVector();
                for (int i = 0; i < ctx.Names.Count; i++) f.Add("b:" + kind + ":" + ctx.Names[i], ctx.Values[i]);
                f.Add("b:" + kind + ":rule", ruleMain == label);
                d.Candidates.Add(new OrganizationCandidate(label, false, f));
            }

            // ---- tags ----------------------------------------------------------------------------
            double top = tags.Count == 0 ? 0 : tags.Values.Max(t => t.Score);
            // The kind of the rules' main organization, with a named one filed under its nationality's bucket: whether the
            // rules name the company (NVIDIA, found by its alias H100) or only its bucket (해외 기업) changes with every alias
            // added to the taxonomy, while what kind of actor the story is about does not. Whether it is named is a feature
            // of its own.
            bool mainNamed = ruleMain != null && _m.OrgByName.ContainsKey(ruleMain);
            string mainKind = mainNamed ? NationalityKind(_m.OrgByName[ruleMain].Country) : KindOf(ruleMain);
            foreach (TagEntry tag in taxonomy.Tags)
            {
                CueProfile c = tags.TryGetValue(tag.Name, out CueProfile cp) ? cp : new CueProfile();
                var f = new FeatureVector();
                f.Add("bias", 1.0);
                OwnTagFeatures(f, c, top);
                // Each cue word of the tag as a feature of its own: how much a word says is learned, not only the hand split
                // into strong and weak cues ("Grok" or "Claude" names a chatbot that is mostly the vehicle of another topic,
                // "연구진" says more about a research story than "연구"). Only the tag's own dictionary words, never free text.
                foreach (var tw in c.TermWeights) f.Add("term:" + tw.Key, FeatureVector.Log(tw.Value));
                if (mainKind != null) f.Add("main:" + mainKind, true);
                f.Add("main:named", mainNamed);
                foreach (TagEntry other in taxonomy.Tags)
                    if (other.Name != tag.Name && tags.TryGetValue(other.Name, out CueProfile o)) f.Add("x:" + other.Name, FeatureVector.Log(o.Score));
                f.Add("ai", FeatureVector.Log(aiProfile.Score));
                f.Add("english", english);
                d.TagFeatures[tag.Name] = f;
            }

            // ---- AI relevance ----------------------------------------------------------------------
            var a = new FeatureVector();
            a.Add("bias", 1.0);
            a.Add("score", FeatureVector.Log(aiProfile.Score));
            a.Add("titleHits", Math.Min(3, aiProfile.TitleStrong) / 3.0);
            a.Add("titleAny", aiProfile.TitleStrong > 0);
            a.Add("titleWeak", aiProfile.TitleWeak > 0);
            a.Add("lead", FeatureVector.Log(aiProfile.LeadStrong));
            a.Add("body", FeatureVector.Log(aiProfile.BodyStrong));
            a.Add("weak", FeatureVector.Log(aiProfile.LeadWeak + aiProfile.BodyWeak));
            a.Add("distinct", FeatureVector.Log(aiProfile.StrongTerms.Count));
            // A linear model cannot combine two facts by itself: AI in the headline and again in the lead is the story's
            // topic; AI in neither is at most a passing mention further down.
            a.Add("titleAndLead", aiProfile.TitleStrong > 0 && aiProfile.LeadStrong > 0);
            a.Add("neitherTitleNorLead", aiProfile.TitleStrong == 0 && aiProfile.LeadStrong == 0);
            // How long a page is says nothing about its topic (in the labels every near-empty page happens to be AI news);
            // only a near-empty page whose headline names neither AI nor an AI company is a feature: it has nothing to go on.
            a.Add("shortTitleless", doc.IsShort && aiProfile.TitleStrong == 0 && inTitle.Count == 0);
            a.Add("namedTitle", inTitle.Count > 0);
            a.Add("named", FeatureVector.Log(total));
            a.Add("tags", FeatureVector.Log(tags.Values.Sum(t => t.Score)));
            a.Add("topTag", FeatureVector.Log(top));
            a.Add("english", english);
            a.Add("length", FeatureVector.Log(content.Length / 1000.0));
            HeadlineAiUse(doc.Title, out bool inList, out bool basedOn);
            a.Add("titleAiInList", inList);
            a.Add("titleAiBased", basedOn);
            d.AiFeatures = a;
            return d;
        }

        /// <summary>The features a tag's own cues give it; a tag without trained weights of its own is judged on these alone.</summary>
        private static void OwnTagFeatures(FeatureVector f, CueProfile c, double top)
        {
            f.Add("own:titleStrong", c.TitleStrong > 0);
            f.Add("own:titleWeak", c.TitleWeak > 0);
            f.Add("own:firstSentence", c.FirstSentence > 0);
            f.Add("own:leadStrong", FeatureVector.Log(c.LeadStrong));
            f.Add("own:leadWeak", FeatureVector.Log(c.LeadWeak));
            f.Add("own:bodyStrong", FeatureVector.Log(c.BodyStrong));
            f.Add("own:bodyWeak", FeatureVector.Log(c.BodyWeak));
            f.Add("own:distinct", FeatureVector.Log(c.StrongTerms.Count));
            f.Add("own:score", FeatureVector.Log(c.Score));
            f.Add("own:share", top > 0 ? c.Score / top : 0);
            f.Add("own:top", top > 0 && c.Score >= top);
            // As for AI relevance: a cue in the headline taken up again at once is the story's topic; a cue in neither the
            // headline nor the lead is at most a side topic.
            f.Add("own:titleAndLead", c.TitleStrong > 0 && (c.LeadStrong > 0 || c.FirstSentence > 0));
            f.Add("own:bodyOnly", c.TitleStrong + c.TitleWeak == 0 && c.LeadStrong == 0 && c.BodyStrong > 0);
        }

        // The bucket a named organization's country files it under; null when a user's organization gives no country.
        private static string NationalityKind(string country) =>
            string.IsNullOrEmpty(country) ? null : country == DomesticCountry ? Taxonomy.Domestic : Taxonomy.Foreign;

        private string KindOf(string bucketName)
        {
            foreach (string kind in BucketKinds)
                if (_m.Taxonomy.BucketName(kind) == bucketName) return kind;
            return Taxonomy.Other;
        }

        // The main organization as the hand-written rules chose it: the headline's subject, else the one company in the
        // headline, else a dominant one. A feature like any other: the model learns how far to trust it.
        private string RuleMain(HeadlineSubject subject, string subjectBucket, List<KeyValuePair<string, OrgEvidence>> inTitle,
            List<KeyValuePair<string, OrgEvidence>> present)
        {
            Taxonomy t = _m.Taxonomy;
            if (subject != null) return subject.Organization ?? t.BucketName(subjectBucket);
            if (inTitle.Count == 1) return inTitle[0].Key;
            if (inTitle.Count > 1) return t.BucketName(Taxonomy.Other);
            if (present.Count > 0 && present[0].Value.Score >= 5.0 && (present.Count == 1 || present[0].Value.Score >= 2.0 * present[1].Value.Score))
                return present[0].Key;
            return t.BucketName(Taxonomy.Other);
        }

        private IEnumerable<string> SuffixKinds(List<Token> title)
        {
            var kinds = new HashSet<string>(StringComparer.Ordinal);
            foreach (Token token in title)
                foreach (string stem in Tokenizer.Stems(token.Text))
                {
                    foreach (var suffix in _m.Suffixes)
                        if (stem.Length > suffix.Key.Length && stem.EndsWith(suffix.Key, StringComparison.Ordinal)) kinds.Add(suffix.Value);
                    foreach (string kind in new[] { Taxonomy.Government, Taxonomy.Research })
                        if (_m.Titles.Contains(kind + ":" + stem)) kinds.Add(kind);
                }
            return kinds.OrderBy(k => k, StringComparer.Ordinal);
        }

        // How the headline uses its AI word: one item of a list ("배터리·AI·방산", "AI·디지털 전환") or a product's
        // selling point ("AI 기반 ...", "AI-based") is a passing mention more often than the story's subject.
        private void HeadlineAiUse(List<Token> title, out bool inList, out bool basedOn)
        {
            inList = basedOn = false;
            foreach (TermHit hit in _m.Ai.MatchAll(title))
            {
                if (hit.Term.Weight < 1.0) continue;
                Token first = title[hit.First], last = title[hit.Last];
                if (_settings.ListMarks.IndexOf(first.Before) >= 0 || _settings.ListMarks.IndexOf(last.After) >= 0) inList = true;
                if (hit.Last + 1 < title.Count && _settings.BasedOnWords.Contains(Tokenizer.Stems(title[hit.Last + 1].Text).Last())) basedOn = true;
            }
        }

        private void TitleForm(TaggingDocument doc, out bool question, out bool column, out int trendWords)
        {
            string t = doc.TitleText;
            question = t.IndexOf('?') >= 0;
            column = false;
            if (t.Length > 0 && (t[0] == '[' || t[0] == '【' || t[0] == '<' || t[0] == '〈'))
            {
                int close = t.IndexOfAny(new[] { ']', '】', '>', '〉' });
                if (close > 1)
                {
                    string label = t.Substring(1, close - 1).Trim();
                    column = _settings.ColumnLabels.Contains(label) || _settings.ColumnLabels.Contains(label.Replace(" ", string.Empty));
                }
            }
            trendWords = 0;
            foreach (Token token in doc.Title)
                if (Tokenizer.Stems(token.Text).Any(_settings.TrendWords.Contains)) trendWords++;
        }

        // Where the text names the headline's unknown subject: a country cue up to three words before it ("미국 AI 스타트업
        // X") or a Korean company's "(대표 ...)" right after it.
        private const int IntroWindow = 3;

        // A headline word the body must repeat this often to count as the story's unnamed actor.
        private const int MinNameRepeats = 2;

        private string RepeatedTitleName(TaggingDocument doc, out int repeats)
        {
            repeats = 0;
            string best = null;
            var known = new HashSet<int>();
            foreach (TermHit h in _m.Orgs.MatchAll(doc.Title).Concat(_m.Buckets.MatchAll(doc.Title)))
                for (int i = h.First; i <= h.Last; i++) known.Add(i);
            for (int i = 0; i < doc.Title.Count; i++)
            {
                if (known.Contains(i)) continue;
                string name = Tokenizer.Stems(doc.Title[i].Text).Last();
                if (name.Length < 2 || char.IsDigit(name[0]) || _m.CueWords.Contains(name) || _settings.TrendWords.Contains(name)
                    || _settings.Roles.Contains(name) || _settings.CommonEnglish.Contains(name)) continue;
                if (doc.English && !char.IsUpper(name[0])) continue;
                int n = doc.CountInContent(name);
                if (n >= MinNameRepeats && n > repeats) { repeats = n; best = name; }
            }
            return best;
        }

        // The lead's actor carries a plain subject or topic particle. Not HeadlineRole.SubjectParticles: with its 도, 마저,
        // 조차 ("also", "even") and the rest, the lead's actor cost an article in cross-validation (2026-12-02, bench/RESULTS.md):
        // likely because in running text a word with 도 ("올해도", "이번에도") is more often an adverb than an actor.
        private static readonly string[] ActorParticles = { "은", "는", "이", "가" };

        // A paragraph shorter than this (characters) is a caption or a credit ("사진:구글", "로고 이미지"), not the lead.
        private const int MinLeadParagraph = 60;

        // The first word of the body's lead sentence (of its first paragraph long enough to be one) that carries a subject or
        // topic particle and names an organization: "named", a bucket's kind, or "unknown" (a word the text repeats; name
        // set); null when none. "X(대표 홍길동)가" puts its particle after the brackets.
        private string LeadActor(TaggingDocument doc, out string name, out int repeats)
        {
            name = null;
            repeats = 0;
            List<Token> tokens = LeadSentence(doc);
            if (tokens.Count == 0) return null;
            var orgHits = _m.Orgs.MatchAll(tokens);
            var bucketHits = _m.Buckets.MatchAll(tokens);
            for (int i = 0; i < tokens.Count; i++)
            {
                string text = tokens[i].Text, stem = null;
                string particle = ActorParticles.FirstOrDefault(p => text.Length > p.Length && text.EndsWith(p, StringComparison.Ordinal));
                if (particle != null) stem = text.Substring(0, text.Length - particle.Length);
                else if (tokens[i].After == '(')
                {
                    int close = tokens.FindIndex(i + 1, t => t.Before == ')');
                    if (close > i && close <= i + 6 && ActorParticles.Contains(tokens[close].Text)) stem = text;
                }
                if (stem == null) continue;
                int o = orgHits.FindIndex(h => h.First <= i && i <= h.Last);
                if (o >= 0)
                {
                    if (_subjects.IsBackground(tokens, orgHits[o].First, orgHits[o].Last)) continue;
                    return "named";
                }
                int b = bucketHits.FindIndex(h => h.First <= i && i <= h.Last);
                if (b >= 0) return bucketHits[b].Term.Label.Substring("bucket:".Length);
                if (stem.Length < 2 || char.IsDigit(stem[0]) || _m.CueWords.Contains(stem) || _settings.TrendWords.Contains(stem)
                    || _settings.Roles.Contains(stem) || _settings.PersonTitles.Contains(stem) || _settings.HeadTitles.Contains(stem)) continue;
                int n = doc.CountInContent(stem);
                if (n < MinNameRepeats) continue;
                name = stem;
                repeats = n;
                return "unknown";
            }
            return null;
        }

        // The tokens of the first sentence of the body's first paragraph of at least MinLeadParagraph characters.
        private static List<Token> LeadSentence(TaggingDocument doc)
        {
            string c = doc.Content;
            int from = 0;
            while (from < c.Length)
            {
                int nl = c.IndexOf('\n', from);
                int to = nl < 0 ? c.Length : nl;
                if (c.Substring(from, to - from).Trim().Length >= MinLeadParagraph)
                {
                    int end = to;
                    for (int i = from; i < to - 1; i++)
                        if ((c[i] == '.' || c[i] == '?' || c[i] == '!') && char.IsWhiteSpace(c[i + 1])) { end = i; break; }
                    return doc.Body.Where(t => t.Start >= from && t.Start < end).ToList();
                }
                if (nl < 0) break;
                from = nl + 1;
            }
            return new List<Token>();
        }

        private void Nationality(TaggingDocument doc, string name, out int foreign, out int domestic)
        {
            foreign = domestic = 0;
            foreach (List<Token> tokens in new[] { doc.Title, doc.Body })
                for (int i = 0; i < tokens.Count; i++)
                {
                    if (!Tokenizer.Stems(tokens[i].Text).Contains(name)) continue;
                    // Only words of the same sentence introduce it: "...밝혔다. 이번 투자로 X는" says nothing about X.
                    int from = Math.Max(0, i - IntroWindow);
                    for (int k = i - 1; k >= from; k--)
                        if (tokens[k].After == '.' || tokens[k].After == '\n') { from = k + 1; break; }
                    for (int k = from; k < i; k++)
                        foreach (TermHit h in _m.Country.Match(new[] { tokens[k] }))
                            if (h.Term.Label == "foreign") foreign++; else domestic++;
                    if (tokens[i].After == '(' && i + 1 < tokens.Count && tokens[i + 1].Text == "대표") domestic++;
                }
        }

        private bool CountryActsInTitle(TaggingDocument doc) => doc.Title.Any(CountryActs);

        // A foreign country heading a comma phrase or carrying a subject particle: "영국, ...", "미국이 ...".
        private bool CountryActs(Token token)
        {
            if (token.After == ',')
            {
                foreach (TermHit h in _m.Country.Match(new[] { token }))
                    if (h.Term.Label == "foreign" && h.Term.Text != _settings.ForeignDateline) return true;
            }
            // The same particles as a named organization's headline role (HeadlineRole), so that both read a headline alike.
            string particle = HeadlineRole.SubjectParticleOf(token.Text);
            if (particle == null) return false;
            var bare = new Token(token.Text.Substring(0, token.Text.Length - particle.Length), token.Start, token.Before, ' ');
            foreach (TermHit h in _m.Country.Match(new[] { bare }))
                if (h.Term.Label == "foreign" && h.Term.Text == bare.Text) return true;
            return false;
        }

        // The first headline word that names a government: a member of the 정부 bucket, an office title ("Senator",
        // "장관"), a 정부 name ending ("...위원회"), or a country that acts ("영국, ...", "중국이 ..."); -1 when none.
        private int GovernmentInTitle(TaggingDocument doc)
        {
            int at = -1;
            void Take(int i) { if (at < 0 || i < at) at = i; }
            foreach (TermHit h in _m.Buckets.MatchAll(doc.Title))
                if (h.Term.Label == "bucket:" + Taxonomy.Government) Take(h.First);
            for (int i = 0; i < doc.Title.Count; i++)
            {
                Token token = doc.Title[i];
                foreach (string stem in Tokenizer.Stems(token.Text))
                {
                    if (_m.Titles.Contains(Taxonomy.Government + ":" + stem)) Take(i);
                    foreach (var suffix in _m.Suffixes)
                        if (suffix.Value == Taxonomy.Government && stem.Length > suffix.Key.Length && stem.EndsWith(suffix.Key, StringComparison.Ordinal)) Take(i);
                }
                if (CountryActs(token)) Take(i);
            }
            return at;
        }

        private void CountryCues(TaggingDocument doc, out int foreign, out int domestic, out bool opensTitle)
        {
            foreign = domestic = 0;
            opensTitle = false;
            foreach (var hit in doc.Hits(_m.Country, all: true))
            {
                if (hit.InTitle)
                {
                    if (hit.Hit.First == 0 && hit.Hit.Term.Label == "foreign") opensTitle = true;
                    continue;
                }
                if (hit.Hit.Term.Label == "foreign") foreign++; else domestic++;
            }
        }

        private static Dictionary<string, CueProfile> Profiles(TaggingDocument doc, TermMatcher matcher, bool diminishing)
        {
            var byLabel = new Dictionary<string, CueProfile>(StringComparer.Ordinal);
            var perTerm = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            int firstSentenceEnd = doc.FirstSentenceEnd;
            foreach (var hit in doc.Hits(matcher, all: true))
            {
                Term term = hit.Hit.Term;
                string key = term.Label + "\u0001" + term.Text;
                int n = perTerm.TryGetValue(key, out int count) ? count : 0;
                perTerm[key] = n + 1;
                if (!byLabel.TryGetValue(term.Label, out CueProfile c)) byLabel[term.Label] = c = new CueProfile();
                // The same word again adds less and less: a press release repeating one product name is not five topics.
                c.Score += term.Weight * hit.Weight / (diminishing ? 1 + n : 1);
                bool strong = term.Weight >= 1.0;
                if (strong) c.StrongTerms.Add(term.Text);
                string word = term.Text.ToLowerInvariant();
                c.TermWeights[word] = (c.TermWeights.TryGetValue(word, out double presence) ? presence : 0) + hit.Weight;
                if (!hit.InTitle && hit.Offset < firstSentenceEnd) c.FirstSentence++;
                if (hit.InTitle) { if (strong) c.TitleStrong++; else c.TitleWeak++; }
                else if (hit.InLead) { if (strong) c.LeadStrong++; else c.LeadWeak++; }
                else { if (strong) c.BodyStrong++; else c.BodyWeak++; }
            }
            return byLabel;
        }
    }
}
