// The text helpers (Hangul, LanguageGuess) moved to AiNews.Text in issue 10; Digest/DigestReader.cs and Stories/*,
// reworked on another branch at the same time, still name them unqualified. Replace this by a using in those files
// once the branches are merged.
global using AiNews.Text;
