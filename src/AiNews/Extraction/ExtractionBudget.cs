using System;
using System.Diagnostics;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace AiNews.Extraction
{
    /// <summary>
    /// The time one page may take to extract. -TimeoutSec bounds the download, not the work on what arrived: a hostile
    /// page that is cheap to send can still be costly to parse and score. The parser and the steps check the budget as
    /// they go; past it they give up with an <see cref="ExtractionTimeoutException"/> rather than stall the run.
    /// </summary>
    public sealed class ExtractionBudget
    {
        // The parser calls back once per element; reading the clock every so many elements keeps the check cheap.
        private const int ElementsPerCheck = 256;

        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private int _elements;

        public ExtractionBudget(TimeSpan limit) { Limit = limit; }

        /// <summary>How long the page may take.</summary>
        public TimeSpan Limit { get; }

        /// <summary>Time spent so far.</summary>
        public TimeSpan Elapsed => _clock.Elapsed;

        /// <summary>Throws <see cref="ExtractionTimeoutException"/> once <see cref="Limit"/> has passed; <paramref name="doing"/> names the work.</summary>
        public void Check(string doing)
        {
            if (_clock.Elapsed > Limit) throw new ExtractionTimeoutException(Limit, doing);
        }

        /// <summary>Parses <paramref name="html"/>, checking the budget as elements are created.</summary>
        public IHtmlDocument Parse(string html)
        {
            var parser = new HtmlParser(new HtmlParserOptions
            {
                OnCreated = (element, position) => { if (++_elements % ElementsPerCheck == 0) Check("parsing the page"); },
            });
            return parser.ParseDocument(html ?? string.Empty);
        }
    }
}
