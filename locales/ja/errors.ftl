# Error pages and the messages behind the stable error codes of the API.

error-not-found-title = ページが見つかりません
error-not-found-body = お探しのページは見つかりませんでした。アドレスをご確認ください。
error-unsupported-language = 「{ $code }」は対応していない言語です。対応している言語：{ $supported }
error-bad-request-title = リクエストを処理できません
error-bad-request-body = リクエストの内容に誤りがあります。
error-payload-too-large = リクエストが受け付けられる上限の { $limit } を超えています。
error-method-not-allowed-title = この操作はできません
error-method-not-allowed-body = このアドレスでは、この方法のリクエストを受け付けていません。
error-internal-title = サーバーでエラーが発生しました
error-internal-body = 一時的な問題が発生しました。しばらくしてから再度お試しください。
error-back-home = ホームへ戻る
error-invalid-request = リクエストの内容に誤りがあります：{ $detail }
error-unsupported-media-type = このContent-Typeには対応していません。application/json または text/html で送ってください。
error-unauthorized = 有効なAPIキーが必要です。Authorization: Bearer またはX-Api-Keyヘッダーで送ってください。
error-origin-not-allowed = このAPIキーは、このオリジンからは使用できません。
error-rate-limited = リクエストが多すぎます。Retry-Afterの秒数だけ待ってから再度お試しください。
error-budget-exhausted = 本日の翻訳文字数の上限に達しました。Retry-Afterの秒数の後に再度お試しください。
error-proxy-not-allowed = このアドレスは翻訳できません。翻訳できるのは当省のサイトのページだけです。
error-upstream-failed = 元のサイトに接続できないか、エラーが返されました。しばらくしてから再度お試しください。
error-upstream-timeout = 元のサイトから時間内に応答がありませんでした。しばらくしてから再度お試しください。
error-not-logged-in = ログインが必要です。翻訳者トークンを Authorization: Bearer ヘッダーで送るか、翻訳者用エディターにログインしてください。
error-forbidden = この操作は許可されていません：{ $detail }
error-csrf-failed = このフォームまたはリクエストは有効期限切れか、エディターから送られたものではありません。ページを再読み込みしてからやり直してください。
error-version-conflict = この訳文は他の人によって更新されています（現在のバージョン：{ $version }）。再読み込みして変更内容を確認してから、もう一度保存してください。
error-precondition-required = 他の人の変更を誤って上書きしないよう、変更するバージョンを If-Match ヘッダーで送ってください。
error-qa-failed = 訳文は保存されませんでした：{ $detail }
error-conflict = この操作はできません：{ $detail }
error-busy = データベースが混み合っています。何も保存されていません。しばらくしてからやり直してください。

# Why a translator's text was not saved (the detail of error-qa-failed).
qa-empty = 訳文が空です。機械翻訳に戻す場合は「元に戻す」を使ってください。
qa-missing-placeholder = { $placeholder } がありません。原文のプレースホルダーはすべて残してください：{ $detail }
qa-placeholder = プレースホルダーが原文と一致しません（{ $detail }）。
qa-missing-protected = 表示どおりに残す必要のある文字列がありません：{ $detail }

# 品質チェック（QA）が機械翻訳を採用しなかった理由（翻訳者向け。閲覧者には日本語を表示）。
qa-refused-empty = 翻訳サービスが何も返しませんでした
qa-refused-token = 原文の日付・番号・住所など（プレースホルダー { $placeholder }）がちょうど1回戻ってきませんでした
qa-refused-markup = マークアップが原文どおりに戻ってきませんでした：{ $detail }
qa-refused-number-changed = 数字 { $expected } が { $found } に変わりました
qa-refused-number-missing = 数字 { $expected } がありません
qa-refused-echo = 翻訳サービスが日本語をそのまま返しました
qa-refused-script-kana = 訳文に日本語が残っています（「{ $sample }」）
qa-refused-script-missing = 訳文がこの言語の文字で書かれていません
qa-refused-script-chinese = 訳文にもう一方の中国語の字体の文字があります（{ $found }）
qa-refused-lost = かっこ内の文 { $phrase } がありません
qa-refused-length = 訳文の長さが日本語の { $ratio } 倍で、{ $min }〜{ $max } 倍の範囲外です
qa-refused-batch = 異なる { $sources } 文が同じ文（「{ $output }」）になって戻ってきました
qa-refused-sentences = 文が原文より十分に短くなっていません（平均{ $found }文字、原文は{ $expected }文字）
