from search.highlight import excerpt, mark, plain_text, snippet


def test_mark_escapes_text_and_query_and_marks_every_match():
    html = mark("<b>Quokka</b> & quokka", ["QUOKKA"])
    assert html == "&lt;b&gt;<mark>Quokka</mark>&lt;/b&gt; &amp; <mark>quokka</mark>"


def test_mark_never_lets_the_query_inject_markup():
    assert mark("a <script> b", ["<script>"]) == "a <mark>&lt;script&gt;</mark> b"
    assert "<img" not in mark('x" onerror="y', ['" onerror="'])


def test_longest_term_wins_at_the_same_place():
    assert mark("industrial park", ["park", "industrial park"]) == "<mark>industrial park</mark>"


def test_excerpt_cuts_around_the_first_match():
    text = "x" * 300 + " 尼吉康电子 " + "y" * 300
    passage, matched = excerpt(text, ["尼吉康"], length=100)
    assert matched
    assert passage.startswith("…") and passage.endswith("…")
    assert "尼吉康" in passage and len(passage) <= 102


def test_plain_text_drops_tags_and_decodes_entities():
    assert plain_text("<p>Suzhou &amp; Suqian</p>\n<p>合作</p>") == "Suzhou & Suqian 合作"


def test_snippet_prefers_the_text_with_a_match():
    html = snippet(["A summary.", "<p>The body mentions Nichicon.</p>"], ["nichicon"])
    assert html == "The body mentions <mark>Nichicon</mark>."
    assert snippet(["A summary.", "<p>Body.</p>"], ["absent"]) == "A summary."
    assert snippet([None, ""], ["x"]) == ""
