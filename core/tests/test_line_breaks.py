"""Dates and amounts in editors' text are marked up so that no line splits them (issue 27, point 8);
the browser test e2e/test_line_breaks.py measures the line boxes."""

from core.i18n.line_breaks import keep_together, keep_together_html


def test_chinese_dates_become_time_elements():
    assert keep_together("于2023年10月9日发布，11月9日起实施") == (
        '于<time datetime="2023-10-09">2023年10月9日</time>发布，<span class="nobr">11月9日</span>起实施'
    )
    assert keep_together("2008年7月") == '<time datetime="2008-07">2008年7月</time>'
    # Not a date, but still one run of text.
    assert keep_together("2023年2月30日") == '<span class="nobr">2023年2月30日</span>'


def test_english_dates_and_amounts():
    assert keep_together("Suzhou Daily (20 August 2023)") == (
        'Suzhou Daily (<time datetime="2023-08-20">20 August 2023</time>)'
    )
    assert keep_together("worth 13.45 billion yuan") == 'worth <span class="nobr">13.45 billion yuan</span>'
    assert keep_together("nearly 530,000 people") == 'nearly <span class="nobr">530,000 people</span>'
    assert keep_together("5.35 km² planned") == '<span class="nobr">5.35 km²</span> planned'


def test_chinese_amounts_and_separators():
    assert keep_together("协议总投资2198亿元") == '协议总投资<span class="nobr">2198亿元</span>'
    assert keep_together("苏州·宿迁") == '苏<span class="nobr">州·</span>宿迁'
    assert keep_together("Sucheng · with SIP") == "Sucheng\N{NO-BREAK SPACE}· with SIP"


def test_text_is_escaped_and_html_keeps_its_tags_and_attributes():
    assert keep_together("<b>2198亿元</b>") == '&lt;b&gt;<span class="nobr">2198亿元</span>&lt;/b&gt;'
    html = '<p title="2198亿元"><a href="/x/2023年10月9日/">见2023年10月9日</a> · 2198亿元</p>'
    assert keep_together_html(html) == (
        '<p title="2198亿元"><a href="/x/2023年10月9日/">见<time datetime="2023-10-09">2023年10月9日</time></a>'
        '\N{NO-BREAK SPACE}· <span class="nobr">2198亿元</span></p>'
    )


def test_none_is_empty():
    assert keep_together(None) == ""


def test_pages_mark_up_dates_in_editors_text(client, content):
    park = client.get("/zh-hans/parks/ssip/").content.decode()
    assert '<time datetime="2007-03-28">2007年3月28日</time>' in park
    assert '<dd><time datetime="2006-11-01">2006年11月1日</time></dd>' in park  # established
    home = client.get("/zh-hans/").content.decode()
    assert '<time datetime="2023-10-09">2023年10月9日</time>' in home
