<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>CaseEditor</name>
    <message>
        <source>案件 #%1 — %2</source>
        <translation>Case #%1 — %2</translation>
    </message>
    <message>
        <source>投诉人</source>
        <translation>Claimants</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>投诉渠道</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>时间线</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>商家</source>
        <translation>Merchants</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>问题类型</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>诉求</source>
        <translation>Demands</translation>
    </message>
    <message>
        <source>情况说明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <source>诉讼时效届满：</source>
        <translation>Limitation period ends: </translation>
    </message>
    <message>
        <source>7 天无理由退货期：</source>
        <translation>7-day return window ends: </translation>
    </message>
    <message>
        <source>12315 受理决定期限：</source>
        <translation>12315 acceptance decision due: </translation>
    </message>
    <message>
        <source>（无下单日期）</source>
        <translation>(no order date)</translation>
    </message>
    <message>
        <source>添加订单</source>
        <translation>Add order</translation>
    </message>
    <message>
        <source>删除所选订单</source>
        <translation>Remove selected orders</translation>
    </message>
    <message>
        <source>渠道</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>新增备注（保存时记入时间线）</source>
        <translation>New note (added to the timeline on save)</translation>
    </message>
    <message>
        <source>拖入文件的类型：</source>
        <translation>Kind of dropped files:</translation>
    </message>
    <message>
        <source>把文件拖到列表中即可加入证据（按 SHA-256 保存，原文件不变）</source>
        <translation>Drop files on the list to add evidence (stored by SHA-256; the original is untouched)</translation>
    </message>
    <message>
        <source>选择证据以预览</source>
        <translation>Select evidence to preview</translation>
    </message>
    <message>
        <source>材料不全，缺：</source>
        <translation>Evidence missing: </translation>
    </message>
    <message>
        <source>✔ 材料齐全，可提交</source>
        <translation>✔ Evidence complete, ready to file</translation>
    </message>
    <message>
        <source>无法预览此文件：</source>
        <translation>Cannot preview this file: </translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <source>已具备 %1/6 类必需证据</source>
        <translation>%1 of 6 required kinds of evidence</translation>
    </message>
    <message>
        <source>✔ 可提交</source>
        <translation>✔ Ready</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>搜索姓名、订单号、商家、备注…</source>
        <translation>Search names, order numbers, merchants, notes…</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部问题</source>
        <translation>All problems</translation>
    </message>
    <message>
        <source>下单日期</source>
        <translation>Order date</translation>
    </message>
    <message>
        <source>仅材料齐全</source>
        <translation>Ready to file only</translation>
    </message>
    <message>
        <source>显示完整身份证号/手机号</source>
        <translation>Show full ID numbers/phones</translation>
    </message>
    <message>
        <source>30 天内到期</source>
        <translation>Due within 30 days</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>全部商家</source>
        <translation>All merchants</translation>
    </message>
    <message>
        <source>全部平台</source>
        <translation>All platforms</translation>
    </message>
    <message numerus="yes">
        <source>共 %n 件案件</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimantsView</name>
    <message>
        <source>按姓名或手机号筛选</source>
        <translation>Filter by name or phone</translation>
    </message>
    <message>
        <source>显示完整身份证号/手机号（记入审计日志）</source>
        <translation>Show full ID numbers/phones (logged)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>程序出错</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>发生了意外错误。数据未被部分写入。请把下面的信息发给开发者。
日志文件：</source>
        <translation>An unexpected error occurred. Nothing was half-written. Please send the details below to the developers.
Log file: </translation>
    </message>
    <message>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>案件状态</source>
        <translation>Cases by status</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>涉案金额最多的商家（元）</source>
        <translation>Merchants with the largest amounts (yuan)</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>每周新增案件</source>
        <translation>New cases per week</translation>
    </message>
    <message>
        <source>先用后付订单扣款状态</source>
        <translation>Debit status of pay-later orders</translation>
    </message>
</context>
<context>
    <name>DocumentsView</name>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>模板</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>案件数</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>复制并编辑所选模板</source>
        <translation>Copy and edit selected template</translation>
    </message>
    <message>
        <source>文书模板（编辑副本后，新生成的文书即使用副本）</source>
        <translation>Templates (edit a copy; new documents then use it)</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <source>合并…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <source>不是同一商家</source>
        <translation>Not the same merchant</translation>
    </message>
    <message>
        <source>系统根据名称、字号、同音字、店铺ID、电话等找出的疑似同一商家的记录：</source>
        <translation>Records that are probably one merchant, by name, trade name, homophones, shop ID and phone:</translation>
    </message>
    <message>
        <source>没有发现疑似重复的商家。</source>
        <translation>No likely duplicate merchants found.</translation>
    </message>
    <message>
        <source>理由：</source>
        <translation>Reasons: </translation>
    </message>
    <message>
        <source>同一商家记录</source>
        <translation>Same merchant record</translation>
    </message>
    <message>
        <source>名称与标识</source>
        <translation>Names and identifiers</translation>
    </message>
    <message>
        <source>案件数</source>
        <translation>Cases</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>选择文件</source>
        <translation>Choose file</translation>
    </message>
    <message>
        <source>受害者填写的表格：Excel（.xlsx）或 CSV（UTF-8 或 GBK 编码均可）</source>
        <translation>The sheet victims filled in: Excel (.xlsx) or CSV (UTF-8 or GBK)</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>选择表格</source>
        <translation>Choose sheet</translation>
    </message>
    <message>
        <source>表格 (*.xlsx *.csv)</source>
        <translation>Sheets (*.xlsx *.csv)</translation>
    </message>
</context>
<context>
    <name>FilingsView</name>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>商家</source>
        <translation>Merchants</translation>
    </message>
    <message>
        <source>投诉对象</source>
        <translation>Addressed to</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>案件数</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>生成文书…</source>
        <translation>Generate documents…</translation>
    </message>
    <message>
        <source>打印预览中的文书…</source>
        <translation>Print the previewed document…</translation>
    </message>
</context>
<context>
    <name>GenerateDialog</name>
    <message>
        <source>生成文书</source>
        <translation>Generate documents</translation>
    </message>
    <message>
        <source>如：广州仲裁委员会</source>
        <translation>e.g. Guangzhou Arbitration Commission</translation>
    </message>
    <message>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <source>商家</source>
        <translation>Merchants</translation>
    </message>
    <message>
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>投诉对象</source>
        <translation>Addressed to</translation>
    </message>
    <message>
        <source>仲裁委员会</source>
        <translation>Arbitration commission</translation>
    </message>
    <message>
        <source>代表人（勾选 2–5 人）</source>
        <translation>Representatives (tick 2–5)</translation>
    </message>
    <message>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>生成</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>取消生成</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>保存到文件夹</source>
        <translation>Save to folder</translation>
    </message>
    <message>
        <source>保存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>请先选择商家</source>
        <translation>Choose a merchant first</translation>
    </message>
    <message>
        <source>已生成：</source>
        <translation>Generated: </translation>
    </message>
    <message>
        <source>生成失败</source>
        <translation>Generation failed</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>撤销所选合并</source>
        <translation>Undo selected merge</translation>
    </message>
    <message>
        <source>已撤销</source>
        <translation>undone</translation>
    </message>
    <message>
        <source>有效</source>
        <translation>active</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>导入投诉人表格</source>
        <translation>Import claimant sheet</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>CaseDesk 维权案件台</source>
        <translation>CaseDesk</translation>
    </message>
    <message>
        <source>全局搜索（Ctrl+F）：姓名、订单号、商家…</source>
        <translation>Search everything (Ctrl+F): names, order numbers, merchants…</translation>
    </message>
    <message>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message numerus="yes">
        <source>案件：%n 件</source>
        <translation>
            <numerusform>Cases: %n</numerusform>
            <numerusform>Cases: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>导入表格…</source>
        <translation>Import sheet…</translation>
    </message>
    <message>
        <source>生成文书…</source>
        <translation>Generate documents…</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>关于 CaseDesk</source>
        <translation>About CaseDesk</translation>
    </message>
    <message>
        <source>CaseDesk 维权案件台 %1</source>
        <translation>CaseDesk %1</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>对应列</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>已自动识别各列，可逐项修改。姓名、商家、金额必填，身份证号与手机号至少一项。</source>
        <translation>Columns were detected; change any of them. Name, merchant and amount are required, and an ID number or a phone.</translation>
    </message>
    <message>
        <source>保存此映射…</source>
        <translation>Save this mapping…</translation>
    </message>
    <message>
        <source>已保存的映射：</source>
        <translation>Saved mappings:</translation>
    </message>
    <message>
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <source>（选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>未导入的列：</source>
        <translation>Columns not imported: </translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>保存映射</source>
        <translation>Save mapping</translation>
    </message>
    <message>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>MerchantsView</name>
    <message>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>合并所选商家…</source>
        <translation>Merge selected merchants…</translation>
    </message>
    <message>
        <source>名称与标识</source>
        <translation>Names and identifiers</translation>
    </message>
    <message>
        <source>受害者名单</source>
        <translation>Victims</translation>
    </message>
    <message>
        <source>商家列表</source>
        <translation>Merchants</translation>
    </message>
    <message>
        <source>疑似重复</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <source>合并历史</source>
        <translation>Merge history</translation>
    </message>
    <message>
        <source>请至少选择两个商家（按住 Ctrl 多选）</source>
        <translation>Select at least two merchants (Ctrl-click)</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>合并商家</source>
        <translation>Merge merchants</translation>
    </message>
    <message>
        <source>保留哪一条记录？其他记录的案件、标识、证据和投诉将转到它名下（可撤销）。</source>
        <translation>Which record survives? Cases, identifiers, evidence and filings of the others move to it (undoable).</translation>
    </message>
    <message>
        <source>各记录的值不同，请选择</source>
        <translation>The records disagree: choose one</translation>
    </message>
    <message>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>生成 PDF 后在此预览</source>
        <translation>Generate a PDF to preview it here</translation>
    </message>
    <message>
        <source>无法预览：</source>
        <translation>Cannot preview: </translation>
    </message>
    <message>
        <source>（仅预览前 %1 页，共 %2 页）</source>
        <translation>(first %1 of %2 pages shown)</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>正在检查每一行…</source>
        <translation>Checking every row…</translation>
    </message>
    <message>
        <source>共 %1 行：将导入 %2 行，重复 %3 行，有误 %4 行（有误的行不会导入）。</source>
        <translation>%1 rows: %2 will be imported, %3 duplicates, %4 with errors (not imported).</translation>
    </message>
    <message>
        <source>有误</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>重复</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>订单号已存在，不会重复导入</source>
        <translation>Order number already known: not imported twice</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>已取消：没有写入任何数据</source>
        <translation>Cancelled: nothing was written</translation>
    </message>
    <message>
        <source>导入失败：没有写入任何数据</source>
        <translation>Import failed: nothing was written</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>机构名称</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>经办人</source>
        <translation>Advocate</translation>
    </message>
    <message>
        <source>经办人电话</source>
        <translation>Advocate phone</translation>
    </message>
    <message>
        <source>经办人地址</source>
        <translation>Advocate address</translation>
    </message>
    <message>
        <source>默认仲裁委员会</source>
        <translation>Default arbitration commission</translation>
    </message>
    <message>
        <source>团队数据库地址（留空用本地；重启后生效）</source>
        <translation>Team database URL (empty: local; after restart)</translation>
    </message>
    <message>
        <source>市场监督管理局（12315）</source>
        <translation>Market regulator (12315)</translation>
    </message>
    <message>
        <source>消费者协会</source>
        <translation>Consumer association</translation>
    </message>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>默认投诉对象</source>
        <translation>Default recipient</translation>
    </message>
    <message>
        <source>界面语言（重启后生效）</source>
        <translation>Language (after restart)</translation>
    </message>
    <message>
        <source>自动备份保留份数</source>
        <translation>Automatic backups kept</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>电话只能包含数字、空格和 -</source>
        <translation>A phone number may only contain digits, spaces and -</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>保存错误报告…</source>
        <translation>Save error report…</translation>
    </message>
    <message>
        <source>导入 %1 行；新建投诉人 %2、案件 %3、订单 %4；重复 %5 行；有误 %6 行。</source>
        <translation>Imported %1 rows; new claimants %2, cases %3, orders %4; %5 duplicates; %6 rows with errors.</translation>
    </message>
    <message>
        <source>保存错误报告</source>
        <translation>Save error report</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>数据库正被其他程序占用（已锁定），请稍后再试。</source>
        <translation>The database is locked by another program; try again shortly.</translation>
    </message>
    <message>
        <source>磁盘空间不足，操作未完成，数据未改变。</source>
        <translation>The disk is full; nothing was changed.</translation>
    </message>
    <message>
        <source>无法访问数据库：</source>
        <translation>Cannot open the database: </translation>
    </message>
    <message>
        <source>没有权限读写文件：</source>
        <translation>No permission to read or write: </translation>
    </message>
    <message>
        <source>文件不存在：</source>
        <translation>File not found: </translation>
    </message>
    <message>
        <source>文件读写失败：</source>
        <translation>Could not read or write the file: </translation>
    </message>
    <message>
        <source>无法完成</source>
        <translation>Could not complete</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>平台</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>订单号</source>
        <translation>Order no.</translation>
    </message>
    <message>
        <source>下单日期</source>
        <translation>Order date</translation>
    </message>
    <message>
        <source>商品</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>支付方式</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>扣款状态</source>
        <translation>Debit status</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>投诉人</source>
        <translation>Claimants</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>手机号</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>商家</source>
        <translation>Merchants</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>问题类型</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>订单</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>集体投诉书（附名册）</source>
        <translation>Joint complaint (with roster)</translation>
    </message>
    <message>
        <source>投诉人名册</source>
        <translation>Claimant roster</translation>
    </message>
    <message>
        <source>仲裁申请书（每案一份 + 合并打印）</source>
        <translation>Arbitration applications (one per case + combined print)</translation>
    </message>
    <message>
        <source>授权委托书</source>
        <translation>Power of attorney</translation>
    </message>
    <message>
        <source>代表人推选书</source>
        <translation>Election of representatives</translation>
    </message>
    <message>
        <source>证据目录</source>
        <translation>Evidence list</translation>
    </message>
    <message>
        <source>集体投诉书</source>
        <translation>Joint complaint</translation>
    </message>
    <message>
        <source>仲裁申请书</source>
        <translation>Arbitration application</translation>
    </message>
    <message>
        <source>仲裁申请书（合并打印）</source>
        <translation>Arbitration applications (combined)</translation>
    </message>
    <message>
        <source>集体投诉</source>
        <translation>Filings</translation>
    </message>
    <message>
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>店铺名</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <source>公司名</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>店铺ID</source>
        <translation>Shop ID</translation>
    </message>
    <message>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <source>收款账户</source>
        <translation>Payee account</translation>
    </message>
    <message>
        <source>显示名称</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>公司名称</source>
        <translation>Company name</translation>
    </message>
    <message>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>公司</source>
        <translation>Company</translation>
    </message>
</context>
</TS>
