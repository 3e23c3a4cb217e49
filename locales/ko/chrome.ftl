# Page chrome: header, language switcher, breadcrumb, footer.
# Language names in the switcher are endonyms and live in code (src/i18n.rs);
# the title attributes below name each language in the reader's own language.

site-name = 후생노동성
site-section = 보도자료
skip-to-content = 본문 바로가기

switcher-label = 언어 선택
switcher-title-ja = 일본어
switcher-title-en = 영어
switcher-title-zh-Hans = 중국어(간체)
switcher-title-zh-Hant = 중국어(번체)
switcher-title-ko = 한국어

breadcrumb-label = 현재 위치
breadcrumb-home = 홈
breadcrumb-press = 보도·홍보
breadcrumb-press-releases = 보도자료

# $year and $month are numbers, e.g. 2025 and 5.
date-year-month = { $year }년 { $month }월

page-published = 발표일: { date-year-month }
page-bureau = 담당 부서: { $bureau }
contact-heading = 문의처

index-title = 보도자료
index-intro = 후생노동성의 보도자료입니다. 각 페이지는 일본어 원문과 영어, 중국어(간체·번체), 한국어 번역으로 보실 수 있습니다.

footer-service = 이 사이트는 번역 서비스 honyaku를 통해 제공됩니다.
footer-original-note = 번역 페이지 내용의 공식 기준은 일본어 원문입니다.
