"""HTML pages, read with trafilatura."""

from __future__ import annotations

from pathlib import Path

from newsgraph.config import Settings
from newsgraph.errors import InputError
from newsgraph.ingest import read_inputs
from newsgraph.ingest.html import read_html
from newsgraph.records import Article, article_id

PARAGRAPHS = [
    "The City Council voted 6-3 on Wednesday to approve a new contract for the city's bus drivers.",
    "Mayor Teresa Alvarado said she would sign the contract on Thursday, ending the strikes.",
    '"Our members held the line for 31 days," the union president, Derrick Owusu, said.',
]

PAGE = f"""<!DOCTYPE html>
<html><head>
<title>Council approves contract | Ledger</title>
<meta property="og:url" content="https://example.org/news/council">
<meta property="article:published_time" content="2024-05-08T18:30:00-05:00">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sports">Sports</a></nav>
<div class="ad">Advertisement: refinance today</div>
<article><h1>Council approves contract</h1>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}
</article>
<footer>Copyright 2024 Ledger. All rights reserved.</footer>
</body></html>
"""


def test_read_html_extracts_main_text_and_metadata() -> None:
    article = read_html(PAGE, "page.html")
    assert article.title == "Council approves contract"
    assert article.published == "2024-05-08"
    assert article.url == "https://example.org/news/council"
    assert article.id == article_id(article.text, "https://example.org/news/council")
    assert all(paragraph in article.text for paragraph in PARAGRAPHS)
    assert "Advertisement" not in article.text
    assert "Copyright" not in article.text


def test_read_html_body_start_skips_the_headline() -> None:
    article = read_html(PAGE, "page.html")
    assert article.text[article.body_start :].startswith(PARAGRAPHS[0])


def test_read_html_does_not_take_a_date_from_the_body() -> None:
    page = (
        "<html><body><article><h1>Shooting</h1>"
        + ("<p>A witness was shot in Dayton, Ohio, on March 3, 2023, police said.</p>" * 4)
        + "</article></body></html>"
    )
    assert read_html(page, "page.html").published is None


def test_read_inputs_html_without_article_text_is_error(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text(
        "<html><head><title>Home</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/world'>World</a></li></ul></nav><footer>Copyright</footer></body></html>"
    )
    [error] = read_inputs([str(path)], Settings())
    assert isinstance(error, InputError)
    assert (error.source, error.problem) == (str(path), "no article text found in the HTML")


def test_read_inputs_broken_html_still_gives_its_text(tmp_path: Path) -> None:
    path = tmp_path / "broken.htm"
    # unclosed tags, a stray closing tag, and the file cut off in the middle of a tag
    path.write_text(
        "<html><body><div><article><h1>Council approves contract</p>"
        + "".join(f"<p>{p}<b>" for p in PARAGRAPHS)
        + "</span><p class="
    )
    [article] = read_inputs([str(path)], Settings())
    assert isinstance(article, Article)
    assert PARAGRAPHS[1] in article.text
