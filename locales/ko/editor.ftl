# 번역자용 웹 편집기(/translators/). 화면은 일본어 또는 영어로 표시한다
# (src/http/routes/editor.rs). 중국어·한국어 파일도 실제 번역이며,
# 모든 로케일이 같은 메시지를 갖도록 둔다.

editor-name = honyaku 번역자 편집기
# The editor's own language switch (its heading).
editor-language-label = 편집기 언어
editor-footer = 여기에서 저장한 번역은 즉시 독자에게 표시됩니다.
editor-logged-in-as = { $name }(으)로 로그인함
editor-logout = 로그아웃
editor-home-link = 편집기 처음으로

editor-login-title = 로그인
editor-login-intro = 발급받은 번역자 토큰으로 로그인하세요. 토큰은 관리자가 “honyaku translators add”로 만듭니다.
editor-token-label = 번역자 토큰
editor-token-help = hny_로 시작합니다. 브라우저에는 저장되지 않으며, 로그인하면 세션이 12시간 동안 로그인 상태를 유지합니다.
editor-login-submit = 로그인
editor-login-failed = 유효하지 않거나 폐기된 토큰입니다. 확인한 후 다시 시도하세요.
editor-session-expired = 세션이 끝나 마지막 변경 내용이 저장되지 않았습니다. 다시 로그인하세요. 입력한 글은 아래에 남겨 두었으니 복사하세요.
editor-kept-text = 저장되지 않은 입력 내용
editor-login-rate-limited = 이 주소에서 로그인에 너무 많이 실패했습니다. { $minutes }분 후에 다시 시도하세요.

editor-home-title = 번역자 편집기
editor-home-who = { $name }(으)로 로그인했습니다. 편집할 수 있는 언어: { $languages }.
editor-pick-heading = 페이지 열기
editor-pick-page = 페이지
editor-pick-lang = 번역할 언어
editor-pick-state = 표시할 단위
editor-state-all = 모든 단위
editor-state-machine = 수정 없음(기계 번역 또는 검토된 번역)
editor-state-approved = 번역자가 수정한 것
editor-state-needs-review = 검토 필요(일본어 원문이 바뀜)
editor-pick-open = 편집기 열기

editor-edit-title = { $language } 번역
editor-edit-intro = 단위마다 일본어 원문, 독자에게 지금 표시되는 번역, 번역 입력란을 보여 줍니다. <b1>…</b1>, <x2/> 같은 자리표시자와 “반드시 유지”에 나열된 문자열은 지우지 마세요.
editor-filter-show = 표시
editor-unit-count = 단위 { $count }개
editor-no-units = 이 조건에 맞는 단위가 없습니다.
editor-unit-heading = 단위 { $position }: { $part }
editor-part-title = 제목
editor-part-summary = 요약
editor-part-bureau = 담당 부서
editor-part-body = 본문
editor-part-contact = 문의처
editor-part-attribute = 속성 텍스트
editor-part-memory = 번역 메모리
editor-badge-machine = 수정 없음
editor-badge-approved = 수정 번역 표시 중
editor-badge-needs-review = 검토 필요
editor-source-heading = 일본어 원문
editor-served-heading = 독자에게 지금 표시되는 번역
editor-origin-machine = 기계 번역
editor-origin-machine-model = 기계 번역({ $model })
editor-origin-bundled = 페이지와 함께 제공된 검토된 번역
editor-origin-translator = 번역자가 수정한 번역
editor-origin-source = 번역되지 않음: 독자에게 일본어가 표시됨
editor-machine-refused = 채택되지 않음: { $reason }. 독자에게는 일본어가 표시됩니다.
editor-last-change = 마지막 변경: { $author }, { $when }
editor-review-intro = 수정 번역을 작성한 뒤 이 단위의 일본어가 바뀌었습니다. 수정 번역은 아래 입력란에 남아 있지만, 승인하거나 새 번역을 저장할 때까지 독자에게 표시되지 않습니다.
editor-review-before = 수정 번역을 작성할 때의 일본어
editor-review-after = 현재 일본어
editor-your-translation = 내 번역({ $language })
editor-must-keep = 반드시 유지:
editor-save = 저장
# $origin: what readers get without an override, `bundled` (a reviewed
# translation shipped with the page) or `machine`.
editor-revert =
    { $origin ->
        [bundled] 검토된 번역으로 되돌리기
       *[other] 기계 번역으로 되돌리기
    }
editor-approve = 그대로 승인
editor-history-link = 이 단위의 기록
editor-saved = 저장했습니다. 이제 독자에게 내 번역이 표시됩니다.
# $origin: what readers get without an override, `bundled` (a reviewed
# translation shipped with the page) or `machine`.
editor-reverted =
    { $origin ->
        [bundled] 되돌렸습니다. 독자에게 다시 검토된 번역이 표시됩니다.
       *[other] 되돌렸습니다. 독자에게 다시 기계 번역이 표시됩니다.
    }
editor-approved = 승인했습니다. 독자에게 다시 이 번역이 표시됩니다.
editor-error-qa = 저장하지 못했습니다: { $detail }. 입력한 내용은 입력란에 남아 있습니다.
editor-error-stale = 저장하지 못했습니다: 그사이 다른 사람이 이 단위를 변경했습니다(현재 버전 { $version }). 그 사람의 번역은 “독자에게 지금 표시되는 번역”에 있고, 내 내용은 입력란에 남아 있습니다. 다시 저장하면 그 사람의 번역을 대체합니다.
editor-error-conflict = 실행하지 못했습니다: { $detail }.
editor-error-busy = 저장하지 못했습니다: 데이터베이스가 바쁩니다. 입력한 내용은 입력란에 남아 있으니 잠시 후 다시 시도하세요.
editor-forbidden-title = 담당 언어가 아닙니다
editor-forbidden-lang = { $language } 번역을 편집할 권한이 없습니다. 관리자에게 계정에 이 언어를 추가해 달라고 요청하세요.

editor-history-title = 단위 기록
editor-history-intro = 이 단위의 { $language } 수정 번역에 대한 모든 변경(오래된 순).
editor-history-empty = 아직 아무도 이 번역을 변경하지 않았습니다.
editor-history-caption = 변경
editor-history-version = 버전
editor-history-when = 일시
editor-history-who = 변경한 사람
editor-history-action = 변경 내용
editor-history-before = 변경 전
editor-history-after = 변경 후
# $origin: what readers get without an override, `bundled` (a reviewed
# translation shipped with the page) or `machine`.
editor-history-machine =
    { $origin ->
        [bundled] (검토된 번역)
       *[other] (기계 번역)
    }
editor-action-saved = 저장
editor-action-approved = 승인
editor-action-flagged = 검토 필요로 표시: 일본어 원문이 바뀜
editor-action-reverted = 되돌림
editor-back-to-page = 페이지로 돌아가기

# Readers' reports on the page being edited.
editor-reports-title = 독자 신고 (미처리 { $count }건)
editor-reports-none = 이 페이지에 미처리 독자 신고가 없습니다.
editor-reports-passage = 해당 부분
editor-reports-resolve = 처리 완료로 표시
