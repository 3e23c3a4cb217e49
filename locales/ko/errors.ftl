# Error pages and the messages behind the stable error codes of the API.

error-not-found-title = 페이지를 찾을 수 없습니다
error-not-found-body = 요청하신 페이지를 찾을 수 없습니다. 주소를 확인해 주십시오.
error-unsupported-language = '{ $code }'은(는) 지원하지 않는 언어입니다. 지원 언어: { $supported }
error-bad-request-title = 요청을 처리할 수 없습니다
error-bad-request-body = 요청 내용에 오류가 있습니다.
error-payload-too-large = 요청이 이 서비스가 받을 수 있는 최대 크기({ $limit })를 넘습니다.
error-method-not-allowed-title = 이 작업은 수행할 수 없습니다
error-method-not-allowed-body = 이 주소에서는 해당 방식의 요청을 허용하지 않습니다.
error-internal-title = 서버에 오류가 발생했습니다
error-internal-body = 일시적인 문제가 발생했습니다. 잠시 후 다시 시도해 주십시오.
error-back-home = 홈으로 돌아가기
error-invalid-request = 요청 내용에 오류가 있습니다: { $detail }
error-unsupported-media-type = 이 Content-Type은 지원하지 않습니다. application/json 또는 text/html로 보내 주십시오.
error-unauthorized = 유효한 API 키가 필요합니다. Authorization: Bearer 또는 X-Api-Key 헤더로 보내 주십시오.
error-origin-not-allowed = 이 API 키는 이 출처에서 사용할 수 없습니다.
error-rate-limited = 요청이 너무 많습니다. Retry-After에 표시된 초만큼 기다린 후 다시 시도해 주십시오.
error-budget-exhausted = 오늘의 번역 글자 수 한도를 모두 사용했습니다. Retry-After에 표시된 초가 지난 후 다시 시도해 주십시오.
error-proxy-not-allowed = 이 주소는 번역할 수 없습니다. 본 성의 사이트 페이지만 번역할 수 있습니다.
error-upstream-failed = 원래 사이트에 연결할 수 없거나 오류가 반환되었습니다. 잠시 후 다시 시도해 주십시오.
error-upstream-timeout = 원래 사이트가 제시간에 응답하지 않았습니다. 잠시 후 다시 시도해 주십시오.
error-not-logged-in = 먼저 로그인하세요. Authorization: Bearer 헤더로 번역자 토큰을 보내거나 번역자 편집기에 로그인하세요.
error-forbidden = 이 작업을 할 권한이 없습니다: { $detail }
error-csrf-failed = 이 양식 또는 요청이 만료되었거나 편집기에서 보낸 것이 아닙니다. 페이지를 새로 고친 후 다시 시도하세요.
error-version-conflict = 그 사이에 다른 사람이 이 번역을 변경했습니다(현재 버전 { $version }). 새로 고쳐 변경 내용을 확인한 후 다시 저장하세요.
error-precondition-required = 다른 사람의 변경을 실수로 덮어쓰지 않도록 변경할 버전을 If-Match 헤더로 보내세요.
error-qa-failed = 번역이 저장되지 않았습니다: { $detail }
error-conflict = 이 작업을 할 수 없습니다: { $detail }
error-busy = 데이터베이스가 사용 중입니다. 아무것도 저장되지 않았습니다. 잠시 후 다시 시도하세요.

# Why a translator's text was not saved (the detail of error-qa-failed).
qa-empty = 번역이 비어 있습니다. 기계 번역으로 돌아가려면 되돌리기를 사용하세요.
qa-missing-placeholder = { $placeholder }이(가) 없습니다. 원문의 자리표시자를 모두 남겨 두세요: { $detail }
qa-placeholder = 자리표시자가 원문과 일치하지 않습니다({ $detail }).
qa-missing-protected = 표시된 그대로 남겨야 하는 텍스트가 없습니다: { $detail }

# 품질 검사(QA)가 기계 번역을 채택하지 않은 이유(번역자용, 독자에게는 일본어가 표시됨).
qa-refused-empty = 번역 서비스가 아무것도 반환하지 않았습니다
qa-refused-token = 원문의 날짜·번호·주소(자리표시자 { $placeholder })가 정확히 한 번 돌아오지 않았습니다
qa-refused-markup = 마크업이 원문대로 돌아오지 않았습니다: { $detail }
qa-refused-number-changed = 숫자 { $expected }이(가) { $found }(으)로 바뀌었습니다
qa-refused-number-missing = 숫자 { $expected }이(가) 없습니다
qa-refused-echo = 번역 서비스가 일본어를 그대로 돌려보냈습니다
qa-refused-script-kana = 번역문에 일본어가 남아 있습니다(“{ $sample }”)
qa-refused-script-missing = 번역문이 이 언어의 문자로 쓰여 있지 않습니다
qa-refused-script-chinese = 번역문에 다른 중국어 자체의 글자가 있습니다({ $found })
qa-refused-lost = 괄호 안의 문장 { $phrase }이(가) 없습니다
qa-refused-length = 번역문 길이가 일본어의 { $ratio }배로 { $min }~{ $max }배 범위를 벗어납니다
qa-refused-batch = 서로 다른 { $sources }개 문장이 같은 문장(“{ $output }”)으로 돌아왔습니다
qa-refused-sentences = 문장이 일본어 원문보다 충분히 짧지 않습니다(평균 { $found }자, 원문 { $expected }자)
