namespace AiNews.TestSite;

/// <summary>Small articles of our own, used when the shared seed archive is absent (and always for the Atom blog).</summary>
public static class Fixtures
{
    static readonly TimeSpan Kst = TimeSpan.FromHours(9);

    static SiteArticle Make(int id, string title, DateTimeOffset published, string source, string slug, string[] tags, params string[] paragraphs) => new()
    {
        Id = id, Title = title, Published = published, Source = source, Slug = slug,
        Summary = paragraphs[0], Tags = tags.ToList(), Paragraphs = paragraphs.ToList(),
    };

    public static IEnumerable<SiteArticle> Korean()
    {
        yield return Make(100001, "테스트전자, 초소형 언어모델 '미리내' 공개…스마트폰에서 바로 실행",
            new DateTimeOffset(2026, 1, 20, 9, 30, 0, Kst), "AI타임스", "100001", new[] { "LLM", "온디바이스" },
            "테스트전자가 스마트폰에서 인터넷 연결 없이 실행되는 초소형 언어모델 '미리내'를 20일 공개했다.",
            "미리내는 매개변수 20억개 규모로, 회사는 한국어 질의응답과 요약 성능이 같은 크기의 공개 모델보다 높다고 설명했다.",
            "회사 관계자는 \"개인 정보가 기기 밖으로 나가지 않는다는 점이 가장 큰 장점\"이라며 \"상반기 안에 개발자용 도구도 내놓겠다\"라고 말했다.");
        yield return Make(100002, "가상대학교 연구팀, 의료 영상 판독 보조 AI로 국제 대회 1위",
            new DateTimeOffset(2026, 1, 20, 11, 5, 0, Kst), "AI타임스", "100002", new[] { "의료", "컴퓨터비전" },
            "가상대학교 연구팀이 흉부 엑스레이 판독을 돕는 인공지능으로 국제 의료 영상 대회에서 1위를 차지했다.",
            "연구팀은 판독 근거가 되는 영역을 함께 표시해 의사가 결과를 검토하기 쉽게 만든 점이 높은 평가를 받았다고 밝혔다.",
            "대회에는 30개국 120여개 팀이 참가했다.");
        yield return Make(100003, "정부, 공공 데이터 개방 확대…AI 학습용 말뭉치 50종 추가",
            new DateTimeOffset(2026, 1, 19, 16, 40, 0, Kst), "AI타임스", "100003", new[] { "정책", "데이터" },
            "정부가 인공지능 학습에 쓸 수 있는 공공 말뭉치 50종을 추가로 개방한다고 19일 발표했다.",
            "새로 공개되는 자료에는 행정 문서, 법령 해설, 지역 방언 녹음 자료 등이 포함된다.",
            "담당 부처는 개인정보를 지운 뒤 단계적으로 공개하겠다고 설명했다.");
    }

    public static IEnumerable<SiteArticle> English()
    {
        yield return Make(200001, "A lab notebook that writes itself: agents take over routine experiments",
            new DateTimeOffset(2026, 1, 20, 14, 0, 0, TimeSpan.Zero), "Example Tech Review", "a-lab-notebook-that-writes-itself", new[] { "Agents", "Science" },
            "Research groups are starting to hand routine lab work to software agents that plan, run and log experiments.",
            "The agents propose the next measurement, drive the instruments and write up what happened, leaving people to judge the results.",
            "Critics warn that errors can compound quietly when nobody reads the notebook until the end of the week.");
        yield return Make(200002, "Why small models are winning on phones",
            new DateTimeOffset(2026, 1, 19, 9, 15, 0, TimeSpan.Zero), "Example Tech Review", "why-small-models-are-winning-on-phones", new[] { "LLM", "Devices" },
            "Phone makers are shipping language models small enough to run without a network connection.",
            "Running locally keeps personal data on the device and removes the wait for a server round trip.");
        yield return Make(200003, "Chip startup raises money for inference accelerators",
            new DateTimeOffset(2026, 1, 18, 17, 45, 0, TimeSpan.Zero), "Example Tech Review", "chip-startup-raises-money", new[] { "Hardware" },
            "A chip startup has raised a new round to build accelerators aimed only at running trained models.",
            "The company says its design trades training speed for lower power draw per answer.");
    }

    public static IEnumerable<SiteArticle> Blog()
    {
        yield return Make(300001, "Notes on evaluating retrieval pipelines",
            new DateTimeOffset(2026, 1, 21, 8, 0, 0, TimeSpan.Zero), "Example AI Blog", "evaluating-retrieval-pipelines", new[] { "Retrieval" },
            "Evaluating a retrieval pipeline means measuring the retriever and the generator separately before measuring them together.",
            "We keep a fixed set of questions with known supporting passages and track recall at ten for every change.");
        yield return Make(300002, "What we learned shipping a tokenizer change",
            new DateTimeOffset(2026, 1, 15, 12, 30, 0, TimeSpan.Zero), "Example AI Blog", "shipping-a-tokenizer-change", new[] { "Tokenizers" },
            "Changing a tokenizer touches everything downstream, from cached embeddings to prompt length limits.",
            "We rolled it out behind a flag and compared outputs on a week of real traffic before switching.");
        yield return Make(300003, "A small benchmark for Korean summarisation",
            new DateTimeOffset(2026, 1, 10, 10, 0, 0, TimeSpan.Zero), "Example AI Blog", "korean-summarisation-benchmark", new[] { "Korean", "Summaries" },
            "We put together a small benchmark of Korean news articles with reference summaries written by editors.",
            "Extractive baselines remain surprisingly hard to beat on short news items.");
    }
}
