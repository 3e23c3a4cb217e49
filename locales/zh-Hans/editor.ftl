# 译者网页编辑器（/translators/）。页面以日语或英语显示
# （src/http/routes/editor.rs）；中文和韩语文件同样是实际译文，
# 使每种语言都具有相同的消息。

editor-name = honyaku 译者编辑器
# The editor's own language switch (its heading).
editor-language-label = 编辑器语言
editor-footer = 在此保存的译文会立即向读者显示。
editor-logged-in-as = 已作为 { $name } 登录
editor-logout = 退出登录
editor-home-link = 编辑器首页

editor-login-title = 登录
editor-login-intro = 请使用发给您的译者令牌登录。管理员可通过“honyaku translators add”创建令牌。
editor-token-label = 译者令牌
editor-token-help = 令牌以 hny_ 开头。浏览器不会保存令牌；登录后，会话将在 12 小时内保持登录状态。
editor-login-submit = 登录
editor-login-failed = 该令牌无效或已被撤销。请检查后重试。
editor-session-expired = 您的会话已结束，因此上一次修改未保存。请重新登录；您输入的文字保留在下方，可复制。
editor-kept-text = 未保存的文字
editor-login-rate-limited = 您的地址登录失败次数过多。请在 { $minutes } 分钟后重试。

editor-home-title = 译者编辑器
editor-home-who = 您已作为 { $name } 登录。可编辑的语言：{ $languages }。
editor-pick-heading = 打开页面
editor-pick-page = 页面
editor-pick-lang = 目标语言
editor-pick-state = 显示的单元
editor-state-all = 全部单元
editor-state-machine = 未修改（机器翻译或已审校译文）
editor-state-approved = 已由译者修改
editor-state-needs-review = 需要审核（日语原文已变更）
editor-pick-open = 打开编辑器

editor-edit-title = { $language }译文
editor-edit-intro = 每个单元显示日语原文、读者当前看到的译文以及供您输入译文的文本框。请保留 <b1>…</b1>、<x2/> 等占位符以及“必须保留”中列出的文字。
editor-filter-show = 显示
editor-unit-count = { $count } 个单元
editor-no-units = 没有符合此筛选条件的单元。
editor-unit-heading = 单元 { $position }：{ $part }
editor-part-title = 标题
editor-part-summary = 摘要
editor-part-bureau = 负责部门
editor-part-body = 正文
editor-part-contact = 联系方式
editor-part-attribute = 属性文本
editor-part-memory = 翻译记忆库
editor-badge-machine = 未修改
editor-badge-approved = 显示修改后的译文
editor-badge-needs-review = 需要审核
editor-source-heading = 日语原文
editor-served-heading = 读者当前看到的译文
editor-origin-machine = 机器翻译
editor-origin-machine-model = 机器翻译（{ $model }）
editor-origin-bundled = 随页面提供的已审校译文
editor-origin-translator = 译者修改的译文
editor-origin-source = 未翻译：读者看到的是日语
editor-machine-refused = 未采用：{ $reason }。读者看到的是日语。
editor-last-change = 最后修改：{ $author }，{ $when }
editor-review-intro = 修改译文之后，此单元的日语原文发生了变更。修改后的译文保留在下方文本框中，但在您批准或保存新译文之前不会向读者显示。
editor-review-before = 编写修改译文时的日语
editor-review-after = 现在的日语
editor-your-translation = 您的译文（{ $language }）
editor-must-keep = 必须保留：
editor-save = 保存
# $origin: what readers get without an override, `bundled` (a reviewed
# translation shipped with the page) or `machine`.
editor-revert =
    { $origin ->
        [bundled] 恢复为已审校译文
       *[other] 恢复为机器翻译
    }
editor-approve = 按原样批准
editor-history-link = 此单元的历史记录
editor-saved = 已保存。读者现在看到的是您的译文。
# $origin: what readers get without an override, `bundled` (a reviewed
# translation shipped with the page) or `machine`.
editor-reverted =
    { $origin ->
        [bundled] 已恢复。读者再次看到已审校译文。
       *[other] 已恢复。读者再次看到机器翻译。
    }
editor-approved = 已批准。读者再次看到此译文。
editor-error-qa = 未保存：{ $detail }。您输入的文字仍保留在文本框中。
editor-error-stale = 未保存：在此期间有其他人修改了此单元（当前版本为 { $version }）。对方的译文显示在“读者当前看到的译文”中；您的文字仍保留在文本框中。再次保存将替换对方的译文。
editor-error-conflict = 无法执行：{ $detail }。
editor-error-busy = 未保存：数据库繁忙。您的文字仍保留在文本框中，请稍后重试。
editor-forbidden-title = 不是您负责的语言
editor-forbidden-lang = 您无权编辑{ $language }译文。请联系管理员为您的账户添加该语言。

editor-history-title = 单元历史记录
editor-history-intro = 此单元{ $language }修改译文的所有变更，按时间先后排列。
editor-history-empty = 尚无人修改此译文。
editor-history-caption = 变更
editor-history-version = 版本
editor-history-when = 时间
editor-history-who = 修改者
editor-history-action = 变更内容
editor-history-before = 变更前
editor-history-after = 变更后
# $origin: what readers get without an override, `bundled` (a reviewed
# translation shipped with the page) or `machine`.
editor-history-machine =
    { $origin ->
        [bundled] （已审校译文）
       *[other] （机器翻译）
    }
editor-action-saved = 已保存
editor-action-approved = 已批准
editor-action-flagged = 标记为需要审核：日语原文已变更
editor-action-reverted = 已恢复
editor-back-to-page = 返回页面

# Readers' reports on the page being edited.
editor-reports-title = 读者报告（{ $count } 条待处理）
editor-reports-none = 此页面没有待处理的读者报告。
editor-reports-passage = 相关段落
editor-reports-resolve = 标记为已处理
