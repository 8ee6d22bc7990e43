from core.i18n.side_by_side import blocks, pair_blocks


def test_blocks_are_cut_at_top_level_elements_and_sanitized():
    html = (
        '<p>One <a href="https://x.org/">link</a></p>\n'
        '<h2>Two</h2><ul><li>a</li><li>b</li></ul><p onclick="x()">Four</p>'
    )
    assert blocks(html) == [
        '<p>One <a href="https://x.org/" rel="noopener noreferrer">link</a></p>',
        "<h2>Two</h2>",
        "<ul><li>a</li><li>b</li></ul>",
        "<p>Four</p>",
    ]


def test_pairs_keep_order_and_pad_the_shorter_text():
    assert pair_blocks("<p>A</p><p>B</p>", "<p>甲</p>") == [("<p>A</p>", "<p>甲</p>"), ("<p>B</p>", "")]
    assert pair_blocks(None, "<p>甲</p>") == [("", "<p>甲</p>")]
