"""Extraction benchmark competitor: readability-lxml (Debian python3-readability) over saved pages.

Usage: /usr/bin/python3 readability-lxml.py LIST_FILE OUT_DIR
LIST_FILE holds one page path per line. Prints one JSON line: seconds and cpuSeconds (reading + Document(...).summary() over all
pages, one thread), pages, failures, peakBytes (ru_maxrss). The text of each summary goes to OUT_DIR/<name>.txt
after the timed loop, so that it can be scored.
"""
import json, os, resource, sys, time

from lxml import html as lxml_html
from readability import Document


def main():
    list_file, out_dir = sys.argv[1], sys.argv[2]
    with open(list_file, encoding="utf-8") as f:
        paths = [line.strip() for line in f if line.strip()]
    summaries, failures = [], 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for path in paths:
        try:
            with open(path, "rb") as f:
                data = f.read()
            summaries.append((path, Document(data).summary(html_partial=True)))
        except Exception:  # a page it cannot read counts as a failure, the rest go on
            failures += 1
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    for path, summary in summaries:
        try:
            text = lxml_html.fromstring(summary).text_content() if summary.strip() else ""
        except Exception:
            text = ""
        name = os.path.splitext(os.path.basename(path))[0]
        with open(os.path.join(out_dir, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux
    print(json.dumps({"seconds": seconds, "cpuSeconds": cpu, "pages": len(paths), "failures": failures, "peakBytes": peak}))


main()
