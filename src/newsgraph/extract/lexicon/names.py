"""Words about names of organisations and things: what ends a company name, and names the
small model takes for people."""

from __future__ import annotations

CORPORATE_SUFFIXES = frozenset(
    """
    ag co co. company corp corp. corporation gmbh inc inc. incorporated limited llc llp lp
    ltd ltd. plc sa
    """.split()
)

# Names the small model often takes for people: web platforms and news-cycle words.
NOT_PERSON_LABELS: dict[str, str] = {
    **dict.fromkeys(
        """twitter facebook instagram youtube whatsapp snapchat tiktok reddit linkedin weibo
        wechat telegram google""".split(),
        "ORG",
    ),
    "brexit": "EVENT",
    "obamacare": "LAW",
}
