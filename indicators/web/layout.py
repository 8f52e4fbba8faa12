"""The shared shell: skip link, top bar with navigation and language switch, the page, a footer."""
from __future__ import annotations

from dash import dcc, html

from .text import t
from .urls import PAGES

NAV_KEYS = {page: f"nav_{page}" for page in PAGES}


def shell() -> html.Div:
    lang = "zh"
    return html.Div(className="app", children=[
        dcc.Location(id="url", refresh="callback-nav"),
        html.A(t("skip", lang), href="#page", className="skip-link", id="skip-link"),
        html.Header(className="topbar", children=[
            html.Div(className="brand", children=[
                html.Img(src="/assets/logo.svg", alt="", className="logo", width=32, height=32),
                html.Div([html.Div(t("app_title", lang), id="brand-title", className="brand-title"),
                          html.Div(t("app_subtitle", lang), id="brand-subtitle", className="brand-subtitle")]),
            ]),
            html.Nav(**{"aria-label": "main"}, className="nav", children=html.Ul([
                html.Li(dcc.Link(t(NAV_KEYS[page], lang), id=f"nav-{page}", href=f"/{lang}/{page}", className="nav-link"))
                for page in PAGES
            ])),
            dcc.Link(t("other_language", lang), id="lang-switch", href="/en/overview", className="lang-switch",
                     title=t("other_language_label", lang)),
        ]),
        html.Main(id="page", className="main", tabIndex="-1"),
        html.Footer(className="footer", children=[
            html.P(t("footer", lang), id="footer-text"),
            html.A(t("methodology", lang), id="methodology-link", href="/methodology", target="_blank",
                   rel="noopener"),
        ]),
    ])
