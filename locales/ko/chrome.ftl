# Page chrome: header, language switcher, breadcrumb, footer.
# Language names in the switcher are endonyms and live in the configuration
# ([languages.known] in config/default.toml);
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
switcher-title-vi = 베트남어
switcher-title-fil = 필리핀어
switcher-title-pt-BR = 포르투갈어(브라질)
switcher-title-ne = 네팔어
switcher-title-id = 인도네시아어
switcher-title-my = 미얀마어
switcher-title-th = 태국어
switcher-title-es = 스페인어
switcher-title-ja-x-easy = 쉬운 일본어

breadcrumb-label = 현재 위치
breadcrumb-home = 홈
breadcrumb-press = 보도·홍보
breadcrumb-press-releases = 보도자료

# $year and $month are numbers, e.g. 2025 and 5.
date-year-month = { $year }년 { $month }월

date-full = { $year }년 { $month }월 { $day }일

page-published = 발표일: { date-year-month }
page-bureau = 담당 부서: { $bureau }
contact-heading = 문의처

index-title = 보도자료
index-intro = 후생노동성의 보도자료입니다. 각 페이지는 일본어 원문과 영어, 중국어(간체·번체), 한국어 번역으로 보실 수 있습니다.

footer-service = 이 사이트는 번역 서비스 honyaku를 통해 제공됩니다.
footer-original-note = 번역 페이지 내용의 공식 기준은 일본어 원문입니다.

# 독자 신고: 번역된 각 부분 뒤의 링크, 신고 양식과 그 응답.
# $max와 $count는 글자 수, $minutes는 분 단위 시간.
report-link = 번역 문제 신고
report-intro = 이 부분의 번역에 어떤 문제가 있는지 알려 주십시오. 보내 주신 신고는 번역자가 모두 확인합니다.
report-original-label = 일본어 원문
report-translation-label = 현재 번역
report-message-label = 문제 내용({ $max }자 이내)
report-privacy = 개인정보는 적지 마십시오. 신고한 사람에 관한 정보(IP 주소, 이름, 이메일 주소 등)는 기록하지 않습니다.
report-honeypot-label = 이 칸은 비워 두십시오
report-submit = 신고 보내기
report-back = 해당 부분으로 돌아가기
report-thanks-title = 신고해 주셔서 감사합니다
report-thanks-body = 신고가 접수되었습니다. 번역자가 이 부분을 확인하겠습니다.
report-thanks-your-message = 보내신 내용
report-error-empty = 문제 내용을 입력한 후 보내 주십시오.
report-error-too-long = 입력하신 내용은 { $count }자입니다. { $max }자 이내로 줄여 주십시오.
report-error-control = 입력하신 내용에 사용할 수 없는 제어 문자가 포함되어 있습니다. 삭제한 후 다시 보내 주십시오.
report-rate-limited = 짧은 시간에 너무 많은 신고가 전송되었습니다. 약 { $minutes }분 후에 다시 시도해 주십시오.
