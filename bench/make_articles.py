"""Generate N bilingual news articles as a fixture in the portal's format (natural keys, `_en` and
`_zh_hans` fields), for the benchmark: `python bench/make_articles.py 10000 > articles.json`.

The text is made from phrases about the cooperation, so titles, summaries and bodies have the
length and character mix of real articles (English and Chinese, ~2–3 kB of HTML each). The same N
always gives the same file. Most articles are published over the last ten years; a few are drafts
and a few are scheduled weeks ahead, as in a real newsroom.
"""

import datetime
import json
import random
import sys

PARKS = ["ssip", "wujiang-siyang", "kunshan-shuyang", "changshu-sihong", "zhangjiagang-suyu", "wuzhong-sucheng"]
CST = datetime.timezone(datetime.timedelta(hours=8))

EN_SUBJECTS = [
    "The Suzhou Suqian Industrial Park",
    "Suqian's joint parks",
    "The Kunshan Shuyang park",
    "A Suzhou partner district",
    "The Siyang economic development zone",
    "Investors from southern Jiangsu",
    "The provincial government",
    "Local manufacturers",
]
EN_VERBS = [
    "signed agreements worth",
    "opened a new plant for",
    "reported growth in",
    "attracted investment in",
    "trained workers for",
    "expanded its capacity in",
]
EN_OBJECTS = [
    "new energy equipment",
    "precision machinery",
    "electronic components",
    "green building materials",
    "food processing",
    "textiles and functional fabrics",
    "semiconductor packaging",
    "logistics services",
]
EN_TAILS = [
    "as part of the North–South cooperation.",
    "according to the park's management committee.",
    "in the first half of the year.",
    "with support from its Suzhou partner.",
    "creating several hundred local jobs.",
    "ahead of the provincial evaluation.",
]
ZH_SUBJECTS = [
    "苏州宿迁工业园区",
    "宿迁各共建园区",
    "昆山沭阳工业园",
    "苏州结对区县",
    "泗阳经济开发区",
    "苏南投资方",
    "省政府",
    "本地制造企业",
]
ZH_VERBS = ["签约", "新建工厂用于", "实现增长于", "引进投资于", "培训工人于", "扩大产能于"]
ZH_OBJECTS = [
    "新能源装备",
    "精密机械",
    "电子元器件",
    "绿色建材",
    "食品加工",
    "纺织及功能性面料",
    "半导体封装",
    "物流服务",
]
ZH_TAILS = [
    "，这是南北挂钩合作的一部分。",
    "，园区管委会介绍。",
    "，时间为今年上半年。",
    "，得到了苏州结对方的支持。",
    "，新增数百个本地就业岗位。",
    "，为迎接全省考核做准备。",
]


def sentence_en(rng):
    return f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} {rng.choice(EN_OBJECTS)} {rng.choice(EN_TAILS)}"


def sentence_zh(rng):
    return f"{rng.choice(ZH_SUBJECTS)}{rng.choice(ZH_VERBS)}{rng.choice(ZH_OBJECTS)}{rng.choice(ZH_TAILS)}"


def article(n, rng, now):
    parks = rng.sample(PARKS, rng.choice([1, 1, 2, 3]))
    roll = rng.random()
    if roll < 0.02:
        status, published_at = "draft", now - datetime.timedelta(days=rng.uniform(0, 30))
    elif roll < 0.03:
        status, published_at = "published", now + datetime.timedelta(days=rng.uniform(7, 60))
    else:
        status, published_at = "published", now - datetime.timedelta(days=rng.uniform(0, 3650))
    obj = rng.choice(EN_OBJECTS)
    paragraphs = rng.randint(4, 8)
    return {
        "model": "news.article",
        "fields": {
            "slug": f"bench-article-{n:05d}",
            "title_en": f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} {obj} ({n})",
            "title_zh_hans": f"{rng.choice(ZH_SUBJECTS)}{rng.choice(ZH_VERBS)}{rng.choice(ZH_OBJECTS)}（{n}）",
            "summary_en": " ".join(sentence_en(rng) for _ in range(2)),
            "summary_zh_hans": "".join(sentence_zh(rng) for _ in range(2)),
            "body_en": "\n".join(
                "<p>" + " ".join(sentence_en(rng) for _ in range(rng.randint(3, 5))) + "</p>" for _ in range(paragraphs)
            ),
            "body_zh_hans": "\n".join(
                "<p>" + "".join(sentence_zh(rng) for _ in range(rng.randint(3, 5))) + "</p>" for _ in range(paragraphs)
            ),
            "source_name_en": "Suqian Daily",
            "source_name_zh_hans": "宿迁日报",
            "source_url": f"https://example.org/news/{n}",
            "original_language": rng.choice(["en", "zh-hans"]),
            "published_at": published_at.isoformat(timespec="seconds"),
            "status": status,
            "parks": [[slug] for slug in parks],
        },
    }


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    rng = random.Random(count)
    now = datetime.datetime.now(CST).replace(microsecond=0)
    json.dump([article(n, rng, now) for n in range(count)], sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
