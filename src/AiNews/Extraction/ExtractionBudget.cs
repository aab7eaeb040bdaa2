using System;
using System.Diagnostics;
using System.Globalization;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace AiNews.Extraction
{
    /// <summary>
    /// What one page may cost to extract. -TimeoutSec bounds the download, not the work on what arrived: a hostile page
    /// that is cheap to send can still be costly to parse and score. The parser and the steps check the budget as they
    /// go; past it they give up with an <see cref="ExtractionLimitException"/> rather than stall the run.
    /// </summary>
    public sealed class ExtractionBudget
    {
        /// <summary>
        /// Elements a page may have. Article pages have a few thousand, very long ones (Wikipedia) tens of thousands; a
        /// million &lt;p&gt; (8 MB) would take half a minute to score, so the parse stops here instead.
        /// </summary>
        public const int MaxElements = 100000;

        // The parser calls back once per element; reading the clock every so many elements keeps the check cheap.
        private const int ElementsPerCheck = 256;

        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _elements;

        public ExtractionBudget(TimeSpan limit) { Limit = limit; }

        /// <summary>How long the page may take.</summary>
        public TimeSpan Limit { get; }

        /// <summary>Time spent so far.</summary>
        public TimeSpan Elapsed => _clock.Elapsed;

        /// <summary>Throws <see cref="ExtractionLimitException"/> once <see cref="Limit"/> has passed; <paramref name="doing"/> names the work.</summary>
        public void Check(string doing)
        {
            if (_clock.Elapsed > Limit)
                throw new ExtractionLimitException("The page took longer than " + Limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)
                    + " s to extract (stopped while " + doing + "); it is too large or too complex to read.");
        }

        /// <summary>Parses <paramref name="html"/>, checking the budget and the element count as elements are created.</summary>
        public IHtmlDocument Parse(string html)
        {
            var parser = new HtmlParser(new HtmlParserOptions
            {
                OnCreated = (element, position) =>
                {
                    if (++_elements % ElementsPerCheck != 0) return;
                    if (_elements > MaxElements)
                        throw new ExtractionLimitException("The page has more than " + MaxElements.ToString("N0", CultureInfo.InvariantCulture)
                            + " elements; it is not read (an article page has a few thousand).");
                    Check("parsing the page");
                },
            });
            return parser.ParseDocument(html ?? string.Empty);
        }
    }
}
