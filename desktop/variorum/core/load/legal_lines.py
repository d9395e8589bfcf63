"""A site's legal lines at the foot of a page: its copyright notice and its licence numbers. An extraction of the
article leaves them out, so they are page furniture, not a passage the extraction is missing.

Judged narrowly, since a paragraph taken for furniture is out of the checks:

- a copyright notice: a line opening with "©", "Copyright" or "(c)" (after a trademark sign: "™ & © 2013 …") that
  says "All rights reserved", under at most a short label line (the wire's name, "The-CNN-Wire"); or a notice a
  Chinese site labels as one ("版权说明：", "中国日报网版权说明：", "版权声明：", "版权保护：") that forbids reproduction ("禁止转载",
  "违者必究") — the label alone is not enough;
- a line of Chinese licence and filing numbers and nothing else: "京ICP备13028878号-6", "沪ICP证010000号",
  "京网文[2011]0283-097号", "京公网安备 11010502032503号".
"""

from __future__ import annotations

import re

from variorum.core.lazy_regex import LazyPattern
from variorum.core.load.page_lines import SENTENCE_END

MAX_LABEL_WORDS = 3  # a label line over a copyright line: the wire's name
MAX_NOTICE_CHARS = 600  # a site's copyright notice is a few sentences

_COPYRIGHT_LINE = LazyPattern(r"^(?:[™®℠]\s*(?:&|and)\s*)?(?:copyright\b|©|\(c\)\s)[^\n]{0,160}"
                              r"\ball rights reserved\b", re.IGNORECASE)
# the label may follow the site's name: "中国日报网版权说明："
_CHINESE_NOTICE = LazyPattern(r"^[^\s：:，,。]{0,12}?(?:版权|版權)(?:说明|声明|保护|所有|說明|聲明|保護)\s*[：:]")
_NO_REPRODUCTION = LazyPattern(r"禁止转载|禁止轉載|不得转载|不得轉載|违者必究|違者必究")
# a province's one-character abbreviation (京, 沪, 粤 …) or two, the register, the number, "号"
_LICENCE = (r"[\u4e00-\u9fff]{1,2}(?:ICP[备证備證]|公网安备|公網安備|网文|網文)\s*"
            r"(?:[\[(（〔【]\d{4}[\])）〕】]\s*)?[\d-]{3,20}\s*[号號](?:-\d{1,3})?")
_LICENCE_LINE = LazyPattern(rf"^(?:{_LICENCE})(?:\s*[|·•]?\s*{_LICENCE})*$")


def _label(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= MAX_LABEL_WORDS and line[-1] not in SENTENCE_END


def is_copyright_notice(para: str) -> bool:
    """A site's or a wire's copyright notice: '™ & © 2013 Cable News Network, Inc. All rights reserved.'"""
    lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
    if not lines or len(para) > MAX_NOTICE_CHARS:
        return False
    *labels, notice = lines
    if len(labels) > 1 or not all(_label(ln) for ln in labels):
        return False
    if _COPYRIGHT_LINE.search(notice):
        return True
    return not labels and bool(_CHINESE_NOTICE.match(notice)) and bool(_NO_REPRODUCTION.search(notice))


def is_licence_numbers(line: str) -> bool:
    """A line of a Chinese site's licence and filing numbers alone: '京ICP备13028878号-6'."""
    line = line.strip()
    return "\n" not in line and ("ICP" in line or "网" in line or "網" in line) and bool(_LICENCE_LINE.match(line))
