<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountMenu</name>
    <message>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation>修改我的密码(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Switch operator…</source>
        <translation>切换操作员(&amp;S)…</translation>
    </message>
    <message>
        <source>Operator: %1 (%2)</source>
        <translation>操作员：%1（%2）</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>您的密码已修改。</translation>
    </message>
    <message>
        <source>Switch operator</source>
        <translation>切换操作员</translation>
    </message>
    <message>
        <source>Now working as %1.</source>
        <translation>当前操作员：%1。</translation>
    </message>
</context>
<context>
    <name>AuditNames</name>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Settings, operators and hours ledger</source>
        <translation>设置、操作员和服务时长台账</translation>
    </message>
    <message>
        <source>Scheduled job</source>
        <translation>定时任务</translation>
    </message>
    <message>
        <source>Duty assignment</source>
        <translation>排班安排</translation>
    </message>
    <message>
        <source>Auto-fill batch</source>
        <translation>自动排班批次</translation>
    </message>
    <message>
        <source>Auto-fill assignment</source>
        <translation>自动排班记录</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>可服务时段</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>Shift generation</source>
        <translation>班次生成批次</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Hours entry</source>
        <translation>服务时长记录</translation>
    </message>
    <message>
        <source>Job setting</source>
        <translation>任务设置</translation>
    </message>
    <message>
        <source>Team membership</source>
        <translation>队伍成员</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Request event</source>
        <translation>诉求流转记录</translation>
    </message>
    <message>
        <source>Resident request</source>
        <translation>居民诉求</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Skipped shift</source>
        <translation>跳过的班次</translation>
    </message>
    <message>
        <source>Shift template</source>
        <translation>班次模板</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Duty limits</source>
        <translation>排班上限</translation>
    </message>
    <message>
        <source>Record ids</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>下次运行</translation>
    </message>
    <message>
        <source>Job state</source>
        <translation>任务状态</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Actual start</source>
        <translation>实际开始</translation>
    </message>
    <message>
        <source>Actual end</source>
        <translation>实际结束</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>越规原因</translation>
    </message>
    <message>
        <source>Overridden</source>
        <translation>越规确认</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Confirmed at</source>
        <translation>确认时间</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>需要人数</translation>
    </message>
    <message>
        <source>Filled before</source>
        <translation>原已安排</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新建数量</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>用时（秒）</translation>
    </message>
    <message>
        <source>Minimum rest (minutes)</source>
        <translation>最短休息（分钟）</translation>
    </message>
    <message>
        <source>Undone at</source>
        <translation>撤销时间</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>排班安排</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Service hall phone</source>
        <translation>服务大厅电话</translation>
    </message>
    <message>
        <source>Service hall hours</source>
        <translation>服务大厅时间</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Grid leader</source>
        <translation>网格长</translation>
    </message>
    <message>
        <source>Grid leader&apos;s phone</source>
        <translation>网格长电话</translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>Grid worker&apos;s phone</source>
        <translation>网格员电话</translation>
    </message>
    <message>
        <source>Police officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Police officer&apos;s phone</source>
        <translation>民警电话</translation>
    </message>
    <message>
        <source>Instructor</source>
        <translation>指导员</translation>
    </message>
    <message>
        <source>Instructor&apos;s phone</source>
        <translation>指导员电话</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Corrects entry</source>
        <translation>更正的记录</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Verified at</source>
        <translation>核实时间</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>核实人</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Updated at</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>登录失败次数</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From status</source>
        <translation>原状态</translation>
    </message>
    <message>
        <source>To status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民姓名</translation>
    </message>
    <message>
        <source>Resident&apos;s phone</source>
        <translation>居民电话</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>受理人</translation>
    </message>
    <message>
        <source>Dispatched at</source>
        <translation>派单时间</translation>
    </message>
    <message>
        <source>Accepted at</source>
        <translation>接单时间</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>开始处理时间</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>办结时间</translation>
    </message>
    <message>
        <source>Followed up at</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <source>Cancelled at</source>
        <translation>取消时间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Follow-up remark</source>
        <translation>回访意见</translation>
    </message>
    <message>
        <source>Cancel reason</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Duty type</source>
        <translation>勤务类型</translation>
    </message>
    <message>
        <source>Edited by hand</source>
        <translation>手工修改</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Original date</source>
        <translation>原定日期</translation>
    </message>
    <message>
        <source>Days of week</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>失效日期</translation>
    </message>
    <message>
        <source>On holidays</source>
        <translation>节假日安排</translation>
    </message>
    <message>
        <source>Make-up workdays as weekdays</source>
        <translation>调休上班日按工作日</translation>
    </message>
    <message>
        <source>Parent team</source>
        <translation>上级队伍</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Party household</source>
        <translation>党员户</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>离开日期</translation>
    </message>
    <message>
        <source>Sort key</source>
        <translation>排序键</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>检索文本</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Most per week</source>
        <translation>每周最多</translation>
    </message>
    <message>
        <source>Most per day</source>
        <translation>每天最多</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <source>Replaced a wrong key</source>
        <translation>替换了错误的密钥</translation>
    </message>
    <message>
        <source>Earlier entries chained</source>
        <translation>已纳入校验链的旧记录</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Statutory holiday</source>
        <translation>法定节假日</translation>
    </message>
    <message>
        <source>Make-up workday</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Official holiday calendar</source>
        <translation>国家法定节假日安排</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>不可排班</translation>
    </message>
    <message>
        <source>Generated from templates</source>
        <translation>按模板生成</translation>
    </message>
    <message>
        <source>Copied from the week before</source>
        <translation>复制上周</translation>
    </message>
    <message>
        <source>Assigned by hand</source>
        <translation>手工排班</translation>
    </message>
    <message>
        <source>Copied from another week</source>
        <translation>从其他周复制</translation>
    </message>
    <message>
        <source>Auto-fill</source>
        <translation>自动排班</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Created</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Accounts switched on</source>
        <translation>开启账号</translation>
    </message>
    <message>
        <source>Accounts switched off</source>
        <translation>关闭账号</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>账户已解锁</translation>
    </message>
    <message>
        <source>Protected records recorded</source>
        <translation>已记录受保护的数据</translation>
    </message>
    <message>
        <source>Audit chain started</source>
        <translation>审计校验链已启动</translation>
    </message>
    <message>
        <source>Database key exported</source>
        <translation>已导出数据库密钥</translation>
    </message>
    <message>
        <source>Full ID number shown</source>
        <translation>查看完整身份证号</translation>
    </message>
    <message>
        <source>Database key imported</source>
        <translation>已导入数据库密钥</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>any operator</source>
        <translation>任意操作员</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Changes (old → new)</source>
        <translation>改动（旧值 → 新值）</translation>
    </message>
    <message numerus="yes">
        <source>%n records</source>
        <translation>
            <numerusform>%n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>The newest %1 entries; narrow the filters to see older ones.</source>
        <translation>仅显示最新的 %1 条；缩小筛选范围可查看更早的记录。</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>共 %n 条记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AutofillDialog</name>
    <message>
        <source>Auto-fill the roster</source>
        <translation>自动排班</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Allow placing volunteers outside the times they offered</source>
        <translation>允许安排在可服务时间以外</translation>
    </message>
    <message>
        <source>Propose again</source>
        <translation>重新生成方案</translation>
    </message>
    <message>
        <source>Search at most</source>
        <translation>最长搜索</translation>
    </message>
    <message>
        <source>Minimum rest between duties</source>
        <translation>两次值班最少间隔</translation>
    </message>
    <message>
        <source>Stop and keep the best so far</source>
        <translation>停止并保留当前最佳方案</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Show only what the fill changes</source>
        <translation>只显示本次排班的变动</translation>
    </message>
    <message>
        <source>Empty places</source>
        <translation>空缺人数</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Proposed roster</source>
        <translation>排班方案</translation>
    </message>
    <message>
        <source>Left empty</source>
        <translation>仍有空缺</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>采用方案</translation>
    </message>
    <message>
        <source>Write every proposed assignment at once; the whole fill can be undone later.</source>
        <translation>一次性写入方案中的全部排班；之后可整批撤销。</translation>
    </message>
    <message>
        <source>Undo this fill</source>
        <translation>撤销本次排班</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃方案</translation>
    </message>
    <message>
        <source>Close without writing anything.</source>
        <translation>关闭，不写入任何内容。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Week %1 of %2 (%3 to %4)</source>
        <translation>%2年第%1周（%3 至 %4）</translation>
    </message>
    <message>
        <source>team %1</source>
        <translation>队伍：%1</translation>
    </message>
    <message>
        <source>grid %1</source>
        <translation>网格：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Reading the week…</source>
        <translation>正在读取本周数据…</translation>
    </message>
    <message>
        <source>Reading the week&apos;s duties, volunteers and their availability…</source>
        <translation>正在读取本周班次、志愿者及其可服务时间…</translation>
    </message>
    <message>
        <source>Searching for the fairest fill. You can stop at any time and keep the best proposal found so far.</source>
        <translation>正在寻找最公平的排班方案。可随时停止，并保留目前找到的最佳方案。</translation>
    </message>
    <message>
        <source>Stopping; keeping the best proposal so far…</source>
        <translation>正在停止，保留目前的最佳方案…</translation>
    </message>
    <message>
        <source>Making a first fill…</source>
        <translation>正在生成初步方案…</translation>
    </message>
    <message>
        <source>Filling as many places as possible…</source>
        <translation>正在尽量填满空缺…</translation>
    </message>
    <message>
        <source>Balancing the load between volunteers…</source>
        <translation>正在均衡志愿者的值班负担…</translation>
    </message>
    <message>
        <source>Preferring home grids and last week&apos;s volunteers…</source>
        <translation>正在优先安排本网格志愿者和上周同班人员…</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>即将完成…</translation>
    </message>
    <message>
        <source>%1 %2 of %3 places</source>
        <translation>%1 已排 %2 / %3 人次</translation>
    </message>
    <message>
        <source>This is the best possible fill.</source>
        <translation>这已是最优方案。</translation>
    </message>
    <message>
        <source>This is the best fill found in the time given.</source>
        <translation>这是在限定时间内找到的最佳方案。</translation>
    </message>
    <message>
        <source>The search was stopped; this is the best fill found so far.</source>
        <translation>搜索已停止；这是目前找到的最佳方案。</translation>
    </message>
    <message>
        <source>%1 of %2 places filled: %3 already assigned, %4 proposed, %5 left empty. Busiest and least busy volunteer differ by %6 hours (this week and the four before). %7</source>
        <translation>共 %2 个岗位，已排 %1 个：原有 %3 个，新安排 %4 个，仍空缺 %5 个。值班最多与最少的志愿者相差 %6 小时（本周及前四周）。%7</translation>
    </message>
    <message>
        <source>Nothing to add: %1 of %2 places are filled and nobody else can take the empty ones (see “Left empty”).</source>
        <translation>无可新增：%2 个岗位已排 %1 个，其余空缺无人可排（见“仍有空缺”）。</translation>
    </message>
    <message>
        <source>Nothing to add: every place of this week is already filled.</source>
        <translation>无可新增：本周所有岗位均已排满。</translation>
    </message>
    <message>
        <source>%1 of the proposed duties are outside the times the volunteer offered (marked in the roster).</source>
        <translation>拟安排中有 %1 项不在其可服务时间（已在排班中标出）。</translation>
    </message>
    <message>
        <source>These existing duties break hard rules; they were left as they are and the rest was filled around them. Release or correct them:</source>
        <translation>以下已有排班违反了硬性规则：它们保持不变，其余空位已照常填补。请释放或更正这些排班：</translation>
    </message>
    <message>
        <source>no longer active</source>
        <translation>已离队</translation>
    </message>
    <message>
        <source>on leave</source>
        <translation>请假中</translation>
    </message>
    <message>
        <source>not a member of the duty&apos;s team</source>
        <translation>不是该班次所属队伍的队员</translation>
    </message>
    <message>
        <source>on another duty at the same time</source>
        <translation>同一时间已有其他班次</translation>
    </message>
    <message>
        <source>the duty has more volunteers than it needs</source>
        <translation>该班次人数超过所需</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>%1 %2 %3-%4 %5</source>
        <translation>%1 %2 %3-%4 %5</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>already assigned</source>
        <translation>原有</translation>
    </message>
    <message>
        <source>new, outside their offered times</source>
        <translation>新增（不在其可服务时间）</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新安排</translation>
    </message>
    <message>
        <source>left empty</source>
        <translation>空缺</translation>
    </message>
    <message>
        <source>Proposed roster (%1 new)</source>
        <translation>排班方案（新安排 %1 人次）</translation>
    </message>
    <message>
        <source>Left empty (%1)</source>
        <translation>仍有空缺（%1）</translation>
    </message>
    <message>
        <source>%1 has no members.</source>
        <translation>%1没有队员。</translation>
    </message>
    <message>
        <source>There are no active volunteers.</source>
        <translation>没有在册的志愿者。</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n member(s)</source>
        <translation>
            <numerusform>%1共有 %n 名队员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active volunteer(s)</source>
        <translation>
            <numerusform>在册志愿者 %n 名</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n already on this duty</source>
        <translation>
            <numerusform>%n 人已在本班次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled this duty</source>
        <translation>
            <numerusform>%n 人已取消本班次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no longer active</source>
        <translation>
            <numerusform>%n 人已离队</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n on leave</source>
        <translation>
            <numerusform>%n 人请假</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n marked unavailable</source>
        <translation>
            <numerusform>%n 人标记为不可服务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already on a duty at that time</source>
        <translation>
            <numerusform>%n 人同一时间已有班次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n would rest less than %1 hours between duties</source>
        <translation>
            <numerusform>%n 人两次值班间隔将不足 %1 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n at their daily maximum of duties</source>
        <translation>
            <numerusform>%n 人已达每日值班上限</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n at their weekly maximum of duties</source>
        <translation>
            <numerusform>%n 人已达每周值班上限</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n did not offer that time</source>
        <translation>
            <numerusform>%n 人不在其可服务时间</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could still serve (the search was stopped early)</source>
        <translation>
            <numerusform>%n 人仍可安排（搜索提前停止）</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the assignments…</source>
        <translation>正在写入排班…</translation>
    </message>
    <message>
        <source>%1 assignments were written. You can undo the whole fill with “Undo this fill”.</source>
        <translation>已写入 %1 个排班。可用“撤销本次排班”整批撤销。</translation>
    </message>
    <message>
        <source>The roster changed since this proposal was made, so nothing was written. Press “Propose again” for a new proposal.</source>
        <translation>生成方案后排班已有变动，未写入任何内容。请点击“重新生成方案”。</translation>
    </message>
    <message>
        <source>Removing the fill…</source>
        <translation>正在撤销本次排班…</translation>
    </message>
    <message>
        <source>The fill was undone: %1 assignments removed.</source>
        <translation>已撤销本次排班：删除 %1 个排班。</translation>
    </message>
    <message>
        <source>The fill cannot be undone: %1 of its duties already have attendance recorded.</source>
        <translation>无法撤销本次排班：其中 %1 个班次已有签到记录。</translation>
    </message>
</context>
<context>
    <name>AvailabilityDialog</name>
    <message>
        <source>Availability of %1</source>
        <translation>%1 的可服务时间</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Add window</source>
        <translation>添加时段</translation>
    </message>
    <message>
        <source>Remove window</source>
        <translation>删除时段</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Save windows and limits</source>
        <translation>保存时段和上限</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>不能服务</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>原因(可不填)</translation>
    </message>
    <message>
        <source>Add leave</source>
        <translation>添加请假</translation>
    </message>
    <message>
        <source>Remove leave</source>
        <translation>删除请假</translation>
    </message>
    <message>
        <source>the availability of %1</source>
        <translation>%1 的可服务时间</translation>
    </message>
    <message>
        <source>Weekly availability (none = any time)</source>
        <translation>每周可服务时段(不填 = 随时可以)</translation>
    </message>
    <message>
        <source>At most per week</source>
        <translation>每周最多班次</translation>
    </message>
    <message>
        <source>At most per day</source>
        <translation>每天最多班次</translation>
    </message>
    <message>
        <source>Leave and unavailable days</source>
        <translation>请假和不能服务的日期</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Leave recorded.</source>
        <translation>已记录请假。</translation>
    </message>
    <message>
        <source>Leave removed.</source>
        <translation>已删除请假。</translation>
    </message>
</context>
<context>
    <name>BatchHistoryDialog</name>
    <message>
        <source>Batch history</source>
        <translation>批次记录</translation>
    </message>
    <message>
        <source>Shifts generated from templates, weeks copied, auto-fills applied and changes of the holiday table, newest first. Undo takes back everything a batch did; it is refused once volunteers are on generated shifts or attendance has been recorded.</source>
        <translation>按时间倒序列出从模板生成的排班、复制的周计划、已应用的自动排班和节假日表的修改。撤销会收回该批次所做的全部改动；若生成的排班上已有志愿者，或已记录签到，则不能撤销。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Team / by</source>
        <translation>队伍 / 操作人</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Undo…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <source>No batches yet.</source>
        <translation>暂无批次记录。</translation>
    </message>
    <message>
        <source>Generated from templates</source>
        <translation>从模板生成</translation>
    </message>
    <message>
        <source>Copied previous week</source>
        <translation>复制上周</translation>
    </message>
    <message>
        <source>Auto-fill applied</source>
        <translation>应用自动排班</translation>
    </message>
    <message>
        <source>Holiday table changed</source>
        <translation>修改节假日</translation>
    </message>
    <message>
        <source>%1 assignments made, %2 still in place</source>
        <translation>安排了 %1 人次，仍有 %2 人次</translation>
    </message>
    <message>
        <source>%1 shifts removed, %2 added</source>
        <translation>删除 %1 个排班，新增 %2 个</translation>
    </message>
    <message>
        <source>%1 shifts created, %2 still there</source>
        <translation>新建 %1 个排班，仍有 %2 个</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Blocked: volunteers on %1 shifts</source>
        <translation>不能撤销：其中 %1 个排班已有志愿者</translation>
    </message>
    <message>
        <source>In effect</source>
        <translation>生效中</translation>
    </message>
    <message>
        <source>Undo a batch</source>
        <translation>撤销批次</translation>
    </message>
    <message>
        <source>the holiday change with the shifts it removed and added</source>
        <translation>这次节假日修改及其删除和新增的排班</translation>
    </message>
    <message>
        <source>%1 assignments</source>
        <translation>%1 人次的安排</translation>
    </message>
    <message>
        <source>%1 shifts</source>
        <translation>%1 个排班</translation>
    </message>
    <message>
        <source>Undo “%1” of %2 (%3 – %4)?

This takes back %5.</source>
        <translation>撤销 %2 的“%1”（%3 – %4）？

将收回%5。</translation>
    </message>
    <message>
        <source>Undone: the holiday table and its shifts are as they were.</source>
        <translation>已撤销：节假日表及相关排班已恢复原样。</translation>
    </message>
    <message>
        <source>Undone: %1 assignments removed.</source>
        <translation>已撤销：删除了 %1 人次的安排。</translation>
    </message>
    <message>
        <source>Undone: %1 shifts removed.</source>
        <translation>已撤销：删除了 %1 个排班。</translation>
    </message>
    <message>
        <source>The fill cannot be undone: %1 of its duties already have attendance recorded.</source>
        <translation>不能撤销这次自动排班：其中 %1 个任务已记录签到。</translation>
    </message>
    <message>
        <source>The shifts cannot be undone: volunteers are already on %1 of them. Remove them first.</source>
        <translation>不能撤销这些排班：其中 %1 个已有志愿者，请先移除。</translation>
    </message>
</context>
<context>
    <name>BrokenPage</name>
    <message>
        <source>The screen “%1” could not be opened because of a programming error. Please report the text below.</source>
        <translation>由于程序错误，无法打开“%1”页面。请把下面的内容报告给维护人员。</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Yearly certificate</source>
        <translation>年度服务时长证明</translation>
    </message>
    <message>
        <source>Certificate of %1&apos;s verified service hours in the year:</source>
        <translation>为 %1 开具以下年度经核实的志愿服务时长证明：</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Operator: %1 (%2)</source>
        <translation>操作员：%1（%2）</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password (at least %1 characters)</source>
        <translation>新密码（至少 %1 个字符）</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>your password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>is wrong</source>
        <translation>不正确</translation>
    </message>
    <message>
        <source>differs from the new password</source>
        <translation>与新密码不一致</translation>
    </message>
    <message>
        <source>Operator accounts are off: there is no password to change.</source>
        <translation>操作员账户未启用，没有可修改的密码。</translation>
    </message>
</context>
<context>
    <name>CheckinDialog</name>
    <message>
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到岗时间</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>离岗时间</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>时长记录</translation>
    </message>
    <message>
        <source>Verify these hours now, as</source>
        <translation>立即核实这些时长，核实人</translation>
    </message>
    <message>
        <source>All arrived as planned</source>
        <translation>全部按计划到岗</translation>
    </message>
    <message>
        <source>%1 – %2 the next morning</source>
        <translation>%1 – 次日 %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1
Mark who arrived and when they left; times start at the planned ones. Served duties go to the hours ledger, where a captain or coordinator verifies them.</source>
        <translation>%1
请标记谁已到岗、何时离岗；时间默认为计划时间。完成的勤务计入志愿服务时长，由队长或协调员核实。</translation>
    </message>
    <message>
        <source>Check-in: %1</source>
        <translation>签到：%1</translation>
    </message>
    <message>
        <source>Nobody is assigned to this shift.</source>
        <translation>这个班次还没有安排志愿者。</translation>
    </message>
    <message>
        <source>the check-in of %1</source>
        <translation>%1 的签到</translation>
    </message>
    <message>
        <source>the check-in</source>
        <translation>本次签到</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>未签到</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <source>awaiting verification</source>
        <translation>待核实</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct entry No. %1</source>
        <translation>更正第 %1 条记录</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 hours · %4</source>
        <translation>%1 · %2 · %3 小时 · %4</translation>
    </message>
    <message>
        <source>The ledger is never overwritten: the correction is a new entry that replaces this one, which stays visible as corrected. Enter 0 hours to void the entry. The correction must be verified again.</source>
        <translation>台账从不改写：更正是一条新记录，取代原记录；原记录保留并标为“已更正”。填 0 小时即作废该记录。更正后的记录需要重新核实。</translation>
    </message>
    <message>
        <source>e.g. left an hour early</source>
        <translation>例如：提前一小时离开</translation>
    </message>
    <message>
        <source>Correct hours *</source>
        <translation>正确时长（小时）*</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>更正原因 *</translation>
    </message>
    <message>
        <source>the correction of entry No. %1</source>
        <translation>第 %1 条记录的更正</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>保存更正</translation>
    </message>
</context>
<context>
    <name>DatabaseDialogs</name>
    <message>
        <source>Create a new database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened.</source>
        <translation>无法打开数据库 %1。</translation>
    </message>
    <message>
        <source>You can open another database file or create a new one.</source>
        <translation>您可以打开其他数据库文件，或新建一个数据库。</translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation>打开其他文件…</translation>
    </message>
    <message>
        <source>Create a new database…</source>
        <translation>新建数据库…</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The file is damaged (it may have been cut short or partly overwritten) and cannot be used. Nothing was written to it.</source>
        <translation>文件已损坏（可能被截断或部分被覆盖），无法使用。未向其中写入任何内容。</translation>
    </message>
    <message>
        <source>Press “Restore from a backup…” to rebuild the data from a backup into a new file; the damaged file is kept as it is.</source>
        <translation>请按“从备份恢复…”，把备份中的数据恢复到一个新文件中；损坏的文件会原样保留。</translation>
    </message>
    <message>
        <source>The newest automatic backup is %1.</source>
        <translation>最近的一份自动备份是 %1。</translation>
    </message>
</context>
<context>
    <name>DayTable</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>值班</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Grid / place</source>
        <translation>网格/地点</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>在岗人员</translation>
    </message>
    <message>
        <source>Open places</source>
        <translation>空缺</translation>
    </message>
    <message>
        <source>%1 (next day)</source>
        <translation>次日%1</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>尚未安排</translation>
    </message>
    <message numerus="yes">
        <source>%n short</source>
        <translation>
            <numerusform>缺%n人</numerusform>
        </translation>
    </message>
    <message>
        <source>Full</source>
        <translation>已满员</translation>
    </message>
    <message>
        <source>On duty now</source>
        <translation>正在值班</translation>
    </message>
</context>
<context>
    <name>DemoOffer</name>
    <message>
        <source>Empty database</source>
        <translation>空数据库</translation>
    </message>
    <message>
        <source>This database is empty. Load the demo community (林琼社区: 11 grids, 6 teams, about 150 volunteers) to try the application?

Choose No to start with empty registers.</source>
        <translation>这个数据库是空的。是否载入演示社区（林琼社区：11 个网格、6 支队伍、约 150 名志愿者）来试用本软件？

选择“否”则从空名册开始。</translation>
    </message>
    <message>
        <source>The demo community was loaded.</source>
        <translation>已载入演示社区。</translation>
    </message>
    <message>
        <source>Demo community</source>
        <translation>演示社区</translation>
    </message>
</context>
<context>
    <name>DiscardChanges</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Discard the changes to %1?</source>
        <translation>放弃对%1的修改吗？</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <source>Dispatch request %1</source>
        <translation>派单：诉求 %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3
%4</source>
        <translation>%1 · %2 · %3
%4</translation>
    </message>
    <message>
        <source>Only members of the chosen team</source>
        <translation>只显示所选队伍的队员</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>所属队伍</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>在办诉求</translation>
    </message>
    <message>
        <source>e.g. please call the resident before going</source>
        <translation>例如：上门前请先给居民打电话</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>派往队伍</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>派单</translation>
    </message>
    <message>
        <source>Volunteer (optional; select none to leave it to the team)</source>
        <translation>志愿者（可不选，由队伍安排）</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1（推荐）</translation>
    </message>
    <message>
        <source>[%1 open]</source>
        <translation>[在办 %1 件]</translation>
    </message>
    <message>
        <source>Requests about “%1” usually go to %2.</source>
        <translation>“%1”类诉求通常派给%2。</translation>
    </message>
    <message>
        <source>The request has no grid, so no volunteers are suggested.</source>
        <translation>该诉求未填写网格，无法推荐志愿者。</translation>
    </message>
    <message>
        <source>No active volunteers live in this grid.</source>
        <translation>该网格暂无在册志愿者。</translation>
    </message>
    <message>
        <source>Active volunteers living in %1; members of the chosen team in bold.</source>
        <translation>居住在%1的在册志愿者；加粗的是所选队伍的队员。</translation>
    </message>
    <message>
        <source>the dispatch of request %1</source>
        <translation>诉求 %1 的派单</translation>
    </message>
</context>
<context>
    <name>DutyRemoval</name>
    <message>
        <source>Delete duty…</source>
        <translation>删除任务…</translation>
    </message>
    <message>
        <source>Delete the selected duty with its volunteers (can be undone)</source>
        <translation>删除选中的任务及其人员安排（可撤销）</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Delete the duty “%1” (%2)?

%3 volunteer(s) on it will be taken off it: %4. You can undo this right after.</source>
        <translation>删除任务“%1”（%2）吗？

已安排的 %3 人将被一并移除：%4。删除后可立即撤销。</translation>
    </message>
    <message>
        <source>Delete the duty “%1” (%2)?

Nobody is on it. You can undo this right after.</source>
        <translation>删除任务“%1”（%2）吗？

该任务尚无人员安排。删除后可立即撤销。</translation>
    </message>
    <message>
        <source>Delete duty</source>
        <translation>删除任务</translation>
    </message>
    <message>
        <source>Duty “%1” of %2 deleted with %3 volunteer(s).</source>
        <translation>已删除 %2 的任务“%1”，一并移除 %3 人。</translation>
    </message>
    <message>
        <source>The duty is back with %1 volunteer(s).</source>
        <translation>任务已恢复，恢复 %1 人的安排。</translation>
    </message>
    <message>
        <source>Not put back (booked elsewhere meanwhile): %1.</source>
        <translation>未恢复（其间已另有安排）：%1。</translation>
    </message>
</context>
<context>
    <name>EnableAccountsDialog</name>
    <message>
        <source>Switch accounts on</source>
        <translation>开启操作员账号</translation>
    </message>
    <message>
        <source>From now on everyone logs in with a user name and password and may do only what their role allows. Create the first administrator; you will be logged in as them.</source>
        <translation>开启后，每个人都须用用户名和密码登录，只能做其角色允许的事。请创建第一个管理员，随后将以该管理员身份登录。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password (at least %1 characters)</source>
        <translation>密码（至少 %1 个字符）</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>the first administrator&apos;s account</source>
        <translation>首个管理员账号</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Party-member central household</source>
        <translation>党员中心户</translation>
    </message>
    <message>
        <source>Occupation / employer</source>
        <translation>职业/单位</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>离开日期</translation>
    </message>
    <message>
        <source>Grid number</source>
        <translation>网格编号</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Grid leader</source>
        <translation>网格长</translation>
    </message>
    <message>
        <source>Grid leader&apos;s phone</source>
        <translation>网格长电话</translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation>专职网格员</translation>
    </message>
    <message>
        <source>Grid worker&apos;s phone</source>
        <translation>专职网格员电话</translation>
    </message>
    <message>
        <source>Grid police officer</source>
        <translation>网格民警</translation>
    </message>
    <message>
        <source>Grid police officer&apos;s phone</source>
        <translation>网格民警电话</translation>
    </message>
    <message>
        <source>Street grid instructor</source>
        <translation>街道网格指导员</translation>
    </message>
    <message>
        <source>Street grid instructor&apos;s phone</source>
        <translation>街道网格指导员电话</translation>
    </message>
    <message>
        <source>Team kind</source>
        <translation>队伍类型</translation>
    </message>
    <message>
        <source>Parent team</source>
        <translation>上级队伍</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Service hall phone</source>
        <translation>便民服务大厅电话</translation>
    </message>
    <message>
        <source>Service hall hours</source>
        <translation>便民服务大厅办公时间</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Duty type</source>
        <translation>勤务类型</translation>
    </message>
    <message>
        <source>People needed</source>
        <translation>需要人数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>失效日期</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周次</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Days of the week</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Days of the month</source>
        <translation>每月日期</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Reason for assigning anyway</source>
        <translation>仍要排班的理由</translation>
    </message>
    <message>
        <source>Time of leaving</source>
        <translation>离岗时间</translation>
    </message>
    <message>
        <source>Duties per day at most</source>
        <translation>每天最多班次</translation>
    </message>
    <message>
        <source>Duties per week at most</source>
        <translation>每周最多班次</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>排序方式</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Number of entries</source>
        <translation>条数</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索内容</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出内容</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>间隔</translation>
    </message>
    <message>
        <source>Reminder lead times</source>
        <translation>提醒提前时间</translation>
    </message>
    <message>
        <source>A team&apos;s reminder lead times</source>
        <translation>队伍的提醒提前时间</translation>
    </message>
    <message>
        <source>Alert window</source>
        <translation>预警范围</translation>
    </message>
    <message>
        <source>Weeks ahead</source>
        <translation>提前周数</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>备份保留份数</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>must be filled in</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>is not a valid mobile number (11 digits starting with 1)</source>
        <translation>不是有效的手机号（应为以 1 开头的 11 位数字）</translation>
    </message>
    <message>
        <source>is not a valid phone number</source>
        <translation>不是有效的电话号码</translation>
    </message>
    <message>
        <source>must have 18 characters</source>
        <translation>应为 18 位</translation>
    </message>
    <message>
        <source>must be 17 digits followed by a digit or X</source>
        <translation>应为 17 位数字加 1 位数字或 X</translation>
    </message>
    <message>
        <source>contains an impossible date of birth</source>
        <translation>中的出生日期不存在</translation>
    </message>
    <message>
        <source>has a wrong check digit (last character); please check the number</source>
        <translation>校验位（最后一位）不正确，请核对号码</translation>
    </message>
    <message>
        <source>was stored by Excel as a number and its last digits are lost: set the column to text and enter the numbers again</source>
        <translation>被 Excel 存成了数字，末几位已经丢失：请把该列设为文本后重新录入</translation>
    </message>
    <message>
        <source>is too long</source>
        <translation>太长</translation>
    </message>
    <message>
        <source>contains control characters or starts like a spreadsheet formula (= + - @)</source>
        <translation>含有控制字符，或以表格公式符号（= + - @）开头</translation>
    </message>
    <message>
        <source>contains a line break, a control character or an invisible text-direction mark (only notes may have line breaks)</source>
        <translation>含有换行符、控制字符或不可见的文字方向标记（只有备注可以换行）</translation>
    </message>
    <message>
        <source>is in another text encoding than the rest of the file (UTF-8 and GBK mixed); save the whole file again in one encoding</source>
        <translation>与文件其余部分的文字编码不同（UTF-8 与 GBK 混用）；请把整个文件按同一种编码重新保存</translation>
    </message>
    <message>
        <source>holds bytes that are neither UTF-8 nor GBK text</source>
        <translation>含有既不是 UTF-8 也不是 GBK 文字的字节</translation>
    </message>
    <message>
        <source>is a range of merged cells; unmerge it and fill in the value on every row</source>
        <translation>是合并单元格；请取消合并，并在每一行填写内容</translation>
    </message>
    <message>
        <source>must be 是 or 否</source>
        <translation>必须填写“是”或“否”</translation>
    </message>
    <message>
        <source>must be 在册 or 已离队</source>
        <translation>必须填写“在册”或“已离队”</translation>
    </message>
    <message>
        <source>must be 男 or 女</source>
        <translation>应为“男”或“女”</translation>
    </message>
    <message>
        <source>must be 队长, 副队长 or 队员</source>
        <translation>应为“队长”“副队长”或“队员”</translation>
    </message>
    <message>
        <source>does not match the number of teams</source>
        <translation>与队伍数量不一致</translation>
    </message>
    <message>
        <source>is given but no team is</source>
        <translation>已填写，但没有填写队伍</translation>
    </message>
    <message>
        <source>names a team that does not exist</source>
        <translation>中的队伍不存在</translation>
    </message>
    <message>
        <source>names a grid that does not exist</source>
        <translation>中的网格不存在</translation>
    </message>
    <message>
        <source>is already registered to another volunteer</source>
        <translation>已登记给其他志愿者</translation>
    </message>
    <message>
        <source>repeats an earlier row of the file</source>
        <translation>与文件中前面的行重复</translation>
    </message>
    <message>
        <source>appears twice in the header row</source>
        <translation>在表头中出现了两次</translation>
    </message>
    <message>
        <source>column is missing from the header row</source>
        <translation>列在表头中缺失</translation>
    </message>
    <message>
        <source>is not a known team kind</source>
        <translation>不是已知的队伍类型</translation>
    </message>
    <message>
        <source>is already the name of another team</source>
        <translation>已被其他队伍使用</translation>
    </message>
    <message>
        <source>is already used by another grid</source>
        <translation>已被其他网格使用</translation>
    </message>
    <message>
        <source>must be a positive whole number</source>
        <translation>应为正整数</translation>
    </message>
    <message>
        <source>is not a known time zone</source>
        <translation>不是有效的时区</translation>
    </message>
    <message>
        <source>cannot be the team itself</source>
        <translation>不能是队伍自身</translation>
    </message>
    <message>
        <source>is not a known sort order</source>
        <translation>不是有效的排序方式</translation>
    </message>
    <message>
        <source>is too far in the past or the future (outside the years 2000 to 2100)</source>
        <translation>超出 2000 年至 2100 年的范围</translation>
    </message>
    <message>
        <source>is not a date and time</source>
        <translation>不是有效的日期和时间</translation>
    </message>
    <message>
        <source>is not a known duty type</source>
        <translation>不是已知的勤务类型</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to 99</source>
        <translation>应为 1 到 99 之间的整数</translation>
    </message>
    <message>
        <source>is not a valid time</source>
        <translation>不是有效的时间</translation>
    </message>
    <message>
        <source>is before the start</source>
        <translation>早于开始时间</translation>
    </message>
    <message>
        <source>makes the range too long (at most 800 days at once)</source>
        <translation>使日期范围过长（一次最多 800 天）</translation>
    </message>
    <message>
        <source>is not a valid schedule</source>
        <translation>不是有效的周期设置</translation>
    </message>
    <message>
        <source>is not a valid week</source>
        <translation>不是有效的周次</translation>
    </message>
    <message>
        <source>is not a day of the week</source>
        <translation>不是有效的星期</translation>
    </message>
    <message>
        <source>must differ from the start</source>
        <translation>须与开始时间不同</translation>
    </message>
    <message>
        <source>must be leave or unavailable</source>
        <translation>应为“请假”或“不能服务”</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to 50</source>
        <translation>应为 0 到 50 之间的整数</translation>
    </message>
    <message>
        <source>must be a holiday or a make-up working day</source>
        <translation>应为“节假日”或“调休上班日”</translation>
    </message>
    <message>
        <source>has no official holiday schedule yet</source>
        <translation>尚无官方公布的节假日安排</translation>
    </message>
    <message>
        <source>makes the range too long (at most 31 days at once)</source>
        <translation>使日期范围过长（一次最多 31 天）</translation>
    </message>
    <message>
        <source>is not a known status</source>
        <translation>不是有效的状态</translation>
    </message>
    <message>
        <source>is not a known source</source>
        <translation>不是有效的来源</translation>
    </message>
    <message>
        <source>must be checked in, completed or no-show</source>
        <translation>应为“已签到”“已完成”或“缺勤”</translation>
    </message>
    <message>
        <source>makes the range too long for an auto-fill (at most 31 days)</source>
        <translation>使自动排班的日期范围过长（最多 31 天）</translation>
    </message>
    <message>
        <source>is too far in the past or the future to plan</source>
        <translation>距今太远，无法排班</translation>
    </message>
    <message>
        <source>is not a supported file type</source>
        <translation>不是支持的文件类型</translation>
    </message>
    <message>
        <source>is not a known printout</source>
        <translation>不是已知的打印内容</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to 1000</source>
        <translation>应为 1 到 1000 之间的整数</translation>
    </message>
    <message>
        <source>is not one of the intervals offered</source>
        <translation>不是可选的间隔</translation>
    </message>
    <message>
        <source>must be 1 to 5 values like 24h, 2h or 90m, each at most 7 days</source>
        <translation>须为 1 至 5 个形如 24h、2h 或 90m 的时间，每个最多 7 天</translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation>超出允许范围</translation>
    </message>
    <message>
        <source>is not a setting of this job</source>
        <translation>不是此任务的设置项</translation>
    </message>
    <message>
        <source>must be a folder</source>
        <translation>须为文件夹</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The file has a header row but no volunteers.</source>
        <translation>文件只有表头，没有志愿者。</translation>
    </message>
    <message>
        <source>Unsupported file type; use an Excel workbook (.xlsx) or a CSV file.</source>
        <translation>不支持的文件类型，请使用 Excel 工作簿（.xlsx）或 CSV 文件。</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>The file is not a readable Excel workbook (.xlsx).</source>
        <translation>文件不是可读取的 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>The file cannot be read as UTF-8 or GBK text.</source>
        <translation>无法按 UTF-8 或 GBK 编码读取文件。</translation>
    </message>
    <message>
        <source>The file is not valid CSV.</source>
        <translation>文件不是有效的 CSV 格式。</translation>
    </message>
    <message>
        <source>The file has more than %1 rows, the most one import takes. Split it into several files.</source>
        <translation>文件超过 %1 行，超出单次导入的上限。请拆分成几个文件。</translation>
    </message>
    <message>
        <source>The file has more than %1 cells, the most one import takes. Split it or delete unused columns.</source>
        <translation>文件超过 %1 个单元格，超出单次导入的上限。请拆分文件或删除不用的列。</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB (unzipped), the most one import takes. Split it into several files.</source>
        <translation>文件（解压后）超过 %1 MB，超出单次导入的上限。请拆分成几个文件。</translation>
    </message>
    <message>
        <source>A part of the workbook expands more than %1 times, which no Excel file does. It was refused as a possible zip bomb.</source>
        <translation>工作簿中有部分内容解压后膨胀超过 %1 倍，正常的 Excel 文件不会这样。该文件疑似压缩炸弹，已拒绝导入。</translation>
    </message>
    <message>
        <source>The workbook contains XML entity declarations, which Excel never writes. It was refused.</source>
        <translation>工作簿含有 XML 实体声明，Excel 从不写入这类内容。已拒绝导入。</translation>
    </message>
    <message>
        <source>This is a folder or a device, not a file.</source>
        <translation>这是文件夹或设备，不是文件。</translation>
    </message>
    <message>
        <source>The file cannot be read (%1).</source>
        <translation>无法读取该文件（%1）。</translation>
    </message>
    <message>
        <source>The record was not found; it may have been deleted meanwhile.</source>
        <translation>找不到该记录，可能已被删除。</translation>
    </message>
    <message>
        <source>The volunteer was not found; they may have been deleted meanwhile.</source>
        <translation>找不到该志愿者，可能已被删除。</translation>
    </message>
    <message>
        <source>The team was not found; it may have been deleted meanwhile.</source>
        <translation>找不到该队伍，可能已被删除。</translation>
    </message>
    <message>
        <source>The grid was not found; it may have been deleted meanwhile.</source>
        <translation>找不到该网格，可能已被删除。</translation>
    </message>
    <message>
        <source>The volunteer is no longer a member of that team.</source>
        <translation>该志愿者已不在这支队伍中。</translation>
    </message>
    <message>
        <source>The database already holds data; the demo community can only be loaded into an empty database.</source>
        <translation>数据库中已有数据，演示社区只能载入空数据库。</translation>
    </message>
    <message>
        <source>This volunteer has a service history and cannot be deleted. Mark them as left instead.</source>
        <translation>该志愿者有服务记录，不能删除，请改为“标记离开”。</translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile. Reload it and make your change again.</source>
        <translation>其他人刚刚修改了这条记录。请重新打开后再修改。</translation>
    </message>
    <message>
        <source>Someone else changed the same data at the same moment. Nothing was written; please try again.</source>
        <translation>别人在同一时刻修改了同一份数据。没有写入任何内容，请再试一次。</translation>
    </message>
    <message>
        <source>A volunteer would be on two duties at the same time. Nothing was written.</source>
        <translation>同一名志愿者将在同一时间承担两项值班，未写入任何内容。</translation>
    </message>
    <message>
        <source>The team still has members or branch teams.</source>
        <translation>该队伍还有队员或下属分队。</translation>
    </message>
    <message>
        <source>%1 is not a database file of this application.</source>
        <translation>%1 不是本软件的数据库文件。</translation>
    </message>
    <message>
        <source>%1 cannot be read as a database (%2).</source>
        <translation>无法把 %1 作为数据库读取（%2）。</translation>
    </message>
    <message>
        <source>The database was written by a newer version of this application (revision %1). Please update the application.</source>
        <translation>该数据库由更新版本的软件创建（版本 %1），请升级本软件。</translation>
    </message>
    <message>
        <source>%1 holds tables that were not made by this application.</source>
        <translation>%1 中含有不是本软件创建的数据表。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>“%1” is not a database file or address.</source>
        <translation>“%1”不是有效的数据库文件或地址。</translation>
    </message>
    <message>
        <source>Your role does not allow this. Ask an administrator if you need it.</source>
        <translation>您的角色不允许此操作。如确有需要，请联系管理员。</translation>
    </message>
    <message>
        <source>Operator accounts are switched on for this database: please log in first.</source>
        <translation>此数据库已开启操作员账号，请先登录。</translation>
    </message>
    <message>
        <source>%1 is read-only. Copy it to a folder you may write to, or restore a backup.</source>
        <translation>%1 是只读文件。请复制到可写入的文件夹,或从备份恢复。</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a file.</source>
        <translation>%1 不存在或不是文件。</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2).</source>
        <translation>无法读取 %1(%2)。</translation>
    </message>
    <message>
        <source>%1 is damaged or incomplete and cannot be restored (%2).</source>
        <translation>%1 已损坏或不完整,无法恢复(%2)。</translation>
    </message>
    <message>
        <source>%1 is not a backup of this application.</source>
        <translation>%1 不是本程序的备份文件。</translation>
    </message>
    <message>
        <source>%1: a .db copy can only be made of a database file; choose a .vabak archive.</source>
        <translation>%1:只有数据库文件才能备份为 .db 副本,请选择 .vabak 归档。</translation>
    </message>
    <message>
        <source>The backup does not fit this database&apos;s structure.</source>
        <translation>备份与本数据库的结构不符。</translation>
    </message>
    <message>
        <source>The database file %1 is damaged. Nothing was written to it. Restore the newest good backup into a new file.</source>
        <translation>数据库文件 %1 已损坏，未写入任何内容。请把最近一份完好的备份恢复到一个新文件中。</translation>
    </message>
    <message>
        <source>Another program is writing to the database %1. Nothing was changed; please try again.</source>
        <translation>另一个程序正在写入数据库 %1。未做任何更改，请稍后重试。</translation>
    </message>
    <message>
        <source>The disk is full: %1 could not be written. Nothing was changed.</source>
        <translation>磁盘已满，无法写入 %1。未做任何更改。</translation>
    </message>
    <message>
        <source>The restore could not be written to %1. Nothing was changed.</source>
        <translation>恢复无法写入 %1。未做任何更改。</translation>
    </message>
    <message>
        <source>%1 is a folder or a device, not a file. Choose a file name.</source>
        <translation>%1 是文件夹或设备，不是文件。请另选一个文件名。</translation>
    </message>
    <message>
        <source>%1 is read-only. Choose another file name.</source>
        <translation>%1 是只读的。请另选一个文件名。</translation>
    </message>
    <message>
        <source>%1 is the database itself. Choose another file for the backup.</source>
        <translation>%1 就是数据库本身。请为备份另选一个文件。</translation>
    </message>
    <message>
        <source>%1 is encrypted with a passphrase. Enter the passphrase.</source>
        <translation>%1 已用口令加密，请输入口令。</translation>
    </message>
    <message>
        <source>Wrong passphrase for %1. Nothing was restored.</source>
        <translation>%1 的口令不对，未恢复任何数据。</translation>
    </message>
    <message>
        <source>%1 was changed or cut off after it was written and cannot be trusted. Nothing was restored.</source>
        <translation>%1 写成后被改动或截断，不可信任，未恢复任何数据。</translation>
    </message>
    <message>
        <source>The backup passphrase must have at least 10 characters.</source>
        <translation>备份口令至少需要 10 个字符。</translation>
    </message>
    <message>
        <source>Only an administrator may make an unencrypted .db copy. Back up to a .vabak file instead.</source>
        <translation>只有管理员可以制作未加密的 .db 副本，请备份为 .vabak 文件。</translation>
    </message>
    <message>
        <source>%1 holds no passwords (it was not made by an administrator), and no administrator could log in after restoring it. Nothing was changed. Restore an administrator&apos;s backup or a nightly backup.</source>
        <translation>%1 不含密码（不是管理员制作的备份），恢复后将没有管理员能够登录，因此未作任何更改。请恢复管理员制作的备份或每晚自动备份。</translation>
    </message>
    <message>
        <source>Your role may not see ID numbers, so its backups are encrypted with the database key, not a passphrase.</source>
        <translation>您的角色无权查看身份证号，因此备份只能用数据库密钥加密，不能设置口令。</translation>
    </message>
    <message>
        <source>The duty template was not found; it may have been deleted meanwhile.</source>
        <translation>找不到该值班模板，可能已被删除。</translation>
    </message>
    <message>
        <source>The generated shifts were not found; they may have been undone meanwhile.</source>
        <translation>找不到这批生成的班次，可能已被撤销。</translation>
    </message>
    <message>
        <source>The leave was not found; it may have been deleted meanwhile.</source>
        <translation>找不到该请假记录，可能已被删除。</translation>
    </message>
    <message>
        <source>The day is not in the holiday table.</source>
        <translation>节假日表中没有这一天。</translation>
    </message>
    <message>
        <source>That change of the holiday table no longer exists.</source>
        <translation>节假日表的这次修改已不存在。</translation>
    </message>
    <message>
        <source>That change of the holiday table was already undone.</source>
        <translation>节假日表的这次修改已撤销过。</translation>
    </message>
    <message>
        <source>The volunteer cannot take this duty: it breaks hard rules.</source>
        <translation>该志愿者不能承担此班次：违反硬性规则。</translation>
    </message>
    <message>
        <source>These generated shifts were already undone.</source>
        <translation>这批生成的班次已撤销过。</translation>
    </message>
    <message>
        <source>The generated shifts cannot be undone: volunteers are already on them.</source>
        <translation>这批生成的班次不能撤销：已安排了志愿者。</translation>
    </message>
    <message>
        <source>The shift holds a record of service and cannot be deleted.</source>
        <translation>该班次已有服务记录，不能删除。</translation>
    </message>
    <message>
        <source>The duty cannot be put back: the same duty was generated again meanwhile.</source>
        <translation>无法恢复该任务：其间同一任务已被重新生成。</translation>
    </message>
    <message>
        <source>Volunteers are on this shift; remove them first.</source>
        <translation>该班次已安排了志愿者，请先移除。</translation>
    </message>
    <message>
        <source>The roster changed since the proposal was made, so nothing was written. Make a new proposal.</source>
        <translation>生成方案后排班已有变动，因此未写入任何内容。请重新生成方案。</translation>
    </message>
    <message>
        <source>The auto-fill was not found.</source>
        <translation>找不到该次自动排班。</translation>
    </message>
    <message>
        <source>This auto-fill was already undone.</source>
        <translation>该次自动排班已撤销过。</translation>
    </message>
    <message>
        <source>The auto-fill cannot be undone: some of its duties already have attendance recorded.</source>
        <translation>该次自动排班不能撤销：其中部分班次已记录考勤。</translation>
    </message>
    <message>
        <source>No Chinese TrueType font was found for printing. Install the fonts-wqy-zenhei package (Linux) or choose a font file on the Print screen.</source>
        <translation>未找到可用于打印的中文 TrueType 字体。请安装 fonts-wqy-zenhei 软件包（Linux），或在“打印”页选择字体文件。</translation>
    </message>
    <message>
        <source>The font file %1 does not exist.</source>
        <translation>字体文件 %1 不存在。</translation>
    </message>
    <message>
        <source>The font file %1 cannot be used for printing; choose a TrueType Chinese font (.ttf or .ttc).</source>
        <translation>字体文件 %1 无法用于打印，请选择 TrueType 中文字体（.ttf 或 .ttc）。</translation>
    </message>
    <message>
        <source>%1 cannot be written (%2).</source>
        <translation>无法写入 %1（%2）。</translation>
    </message>
    <message>
        <source>Printing was cancelled.</source>
        <translation>打印已取消。</translation>
    </message>
    <message>
        <source>The paper size is not known.</source>
        <translation>不支持该纸张尺寸。</translation>
    </message>
    <message>
        <source>The background job was not found.</source>
        <translation>找不到该后台任务。</translation>
    </message>
    <message>
        <source>This computer does not have the key of this database, so the change cannot be recorded in the audit log; nothing was saved. An administrator exports the key on a computer that has it (volunteer-app keys export FILE) and imports it here (volunteer-app keys import FILE).</source>
        <translation>这台电脑上没有本数据库的密钥，无法在审计日志中记录这次更改；没有保存任何内容。请管理员在有密钥的电脑上导出密钥（volunteer-app keys export FILE），再在这台电脑上导入（volunteer-app keys import FILE）。</translation>
    </message>
    <message>
        <source>The key on this computer is not the key of this database; nothing was saved. Import the right key file (volunteer-app keys import FILE).</source>
        <translation>这台电脑上的密钥不是本数据库的密钥；没有保存任何内容。请导入正确的密钥文件（volunteer-app keys import FILE）。</translation>
    </message>
    <message>
        <source>A stored ID number does not open with this database&apos;s key: it was altered or copied from another database.</source>
        <translation>一个已存的身份证号无法用此数据库的密钥解开：它被改动过，或是从别的数据库复制来的。</translation>
    </message>
    <message>
        <source>%1 is not a key file of this app (%2).</source>
        <translation>%1 不是本程序的密钥文件（%2）。</translation>
    </message>
    <message>
        <source>The key could not be stored or written at %1 (%2).</source>
        <translation>无法在 %1 保存或写入密钥（%2）。</translation>
    </message>
    <message>
        <source>This database holds data but its audit log was removed outside the app; nothing was saved. Restore the last good backup.</source>
        <translation>这个数据库中有数据，但它的审计日志已在本程序之外被删除；没有保存任何内容。请恢复最近一份完好的备份。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>repeats row %1 of the file</source>
        <translation>与文件第 %1 行重复</translation>
    </message>
    <message>
        <source>Row %1, column “%2”</source>
        <translation>第 %1 行“%2”列</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Column “%1”</source>
        <translation>“%1”列</translation>
    </message>
    <message>
        <source>%1: “%2” %3</source>
        <translation>%1：“%2”%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>The file could not be read or written: %1</source>
        <translation>无法读写文件：%1</translation>
    </message>
    <message>
        <source>Unexpected error: %1: %2</source>
        <translation>意外错误：%1：%2</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>must be 1 to 40 characters without spaces</source>
        <translation>须为 1 至 40 个字符，且不含空格</translation>
    </message>
    <message>
        <source>is already used by another operator</source>
        <translation>已被其他操作员使用</translation>
    </message>
    <message>
        <source>must be chosen for a team captain</source>
        <translation>须为队长指定所带队伍</translation>
    </message>
    <message>
        <source>must have at least 8 characters</source>
        <translation>至少需要 8 个字符</translation>
    </message>
    <message>
        <source>This is the last active administrator; make another operator administrator first.</source>
        <translation>这是最后一个启用中的管理员，请先将其他操作员设为管理员。</translation>
    </message>
    <message>
        <source>Operator accounts are already switched on.</source>
        <translation>操作员账号已经开启。</translation>
    </message>
    <message>
        <source>The operator was not found; they may have been removed meanwhile.</source>
        <translation>找不到该操作员，可能已被删除。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>lies in the future</source>
        <translation>是将来的日期</translation>
    </message>
    <message>
        <source>is not a date</source>
        <translation>不是有效日期</translation>
    </message>
    <message>
        <source>is not a year</source>
        <translation>不是有效年份</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>volunteers-%1.xlsx</source>
        <translation>志愿者名册-%1.xlsx</translation>
    </message>
    <message>
        <source>Export volunteers</source>
        <translation>导出志愿者</translation>
    </message>
    <message>
        <source>%1 volunteers were written to %2.</source>
        <translation>已将 %1 名志愿者导出到 %2。</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Portable archive, any database (*.vabak)</source>
        <translation>通用归档,适用于任何数据库 (*.vabak)</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Backups (*.db *.sqlite *.vabak);;All files (*)</source>
        <translation>备份文件 (*.db *.sqlite *.vabak);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 volunteers, %2 rows in all</source>
        <translation>志愿者 %1 人,共 %2 条记录</translation>
    </message>
    <message>
        <source>Made %1; %2</source>
        <translation>备份时间 %1;%2</translation>
    </message>
    <message>
        <source>Replace ALL data of the open database with the backup %1?

%2

The current data is kept as a safety copy first.</source>
        <translation>用备份 %1 替换当前数据库的全部数据吗?

%2

替换前会先把当前数据另存为安全副本。</translation>
    </message>
    <message>
        <source>The backup was restored. The data replaced is kept in %1.</source>
        <translation>备份已恢复。被替换的数据保存在 %1。</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>未做任何更改:%1</translation>
    </message>
    <message>
        <source>Choose a different file: a backup cannot overwrite the open database.</source>
        <translation>请选择其他文件：备份不能覆盖正在使用的数据库。</translation>
    </message>
    <message>
        <source>Encrypted archive (*.vabak);;Unencrypted database copy, administrators only (*.db)</source>
        <translation>加密归档 (*.vabak);;未加密的数据库副本，仅限管理员 (*.db)</translation>
    </message>
    <message>
        <source>The database was backed up to %1.</source>
        <translation>数据库已备份到 %1。</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Database files (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>数据库文件 (*.db *.sqlite *.sqlite3);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>GridDialog</name>
    <message>
        <source>New grid</source>
        <translation>新建网格</translation>
    </message>
    <message>
        <source>Edit grid</source>
        <translation>编辑网格</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <source>Area (compounds, buildings)</source>
        <translation>范围（小区、楼栋）</translation>
    </message>
    <message>
        <source>The “1+3” people of the grid</source>
        <translation>网格“1+3”人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>grid “%1”</source>
        <translation>网格“%1”</translation>
    </message>
    <message>
        <source>the new grid</source>
        <translation>新网格</translation>
    </message>
</context>
<context>
    <name>GridPeople</name>
    <message>
        <source>Grid leader</source>
        <translation>网格长</translation>
    </message>
    <message>
        <source>Full-time grid worker</source>
        <translation>专职网格员</translation>
    </message>
    <message>
        <source>Grid police officer</source>
        <translation>网格民警</translation>
    </message>
    <message>
        <source>Street grid instructor</source>
        <translation>街道网格指导员</translation>
    </message>
</context>
<context>
    <name>GridsView</name>
    <message>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Grid leader</source>
        <translation>网格长</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>New grid…</source>
        <translation>新建网格…</translation>
    </message>
    <message>
        <source>Edit grid and people…</source>
        <translation>编辑网格及人员…</translation>
    </message>
    <message>
        <source>The “1+3” people</source>
        <translation>“1+3”人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Party household</source>
        <translation>党员中心户</translation>
    </message>
    <message>
        <source>No grid yet</source>
        <translation>还没有网格</translation>
    </message>
    <message>
        <source>Create the grids of the community with “New grid”.</source>
        <translation>请用“新建网格”建立社区的网格。</translation>
    </message>
    <message>
        <source>(no area described)</source>
        <translation>（未填写范围）</translation>
    </message>
    <message>
        <source>(vacant)</source>
        <translation>（空缺）</translation>
    </message>
    <message numerus="yes">
        <source>%n active volunteer(s) live in this grid</source>
        <translation>
            <numerusform>本网格有 %n 名在册志愿者</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>HolidayEffectsDialog</name>
    <message>
        <source>Duties affected by the holiday change</source>
        <translation>节假日调整影响的排班</translation>
    </message>
    <message>
        <source>To remove:</source>
        <translation>将删除：</translation>
    </message>
    <message>
        <source>To add:</source>
        <translation>将新增：</translation>
    </message>
    <message>
        <source>Kept (served or edited by hand):</source>
        <translation>保留（已值守或手工修改过）：</translation>
    </message>
    <message>
        <source>%1 duties to remove, %2 to add.</source>
        <translation>将删除 %1 个排班，新增 %2 个。</translation>
    </message>
    <message>
        <source>Planned on the duties to remove: %1</source>
        <translation>将删除的排班上已安排：%1</translation>
    </message>
    <message>
        <source>Apply and change the duties</source>
        <translation>应用并调整排班</translation>
    </message>
    <message>
        <source>Change the table only</source>
        <translation>只改节假日表</translation>
    </message>
    <message>
        <source>planned: %1</source>
        <translation>已安排：%1</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>Holidays and make-up working days</source>
        <translation>法定节假日与调休上班日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Holiday (day off)</source>
        <translation>节假日(放假)</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Name, e.g. 藏历新年</source>
        <translation>名称,例如:藏历新年</translation>
    </message>
    <message>
        <source>Add / change</source>
        <translation>添加/修改</translation>
    </message>
    <message>
        <source>Make ordinary day</source>
        <translation>恢复为普通日</translation>
    </message>
    <message>
        <source>Undo last change</source>
        <translation>撤销上次修改</translation>
    </message>
    <message>
        <source>Mark year complete</source>
        <translation>标记本年已录入完整</translation>
    </message>
    <message>
        <source>Declare that the table now holds this year&apos;s official schedule (removes the notice)</source>
        <translation>确认表中已是本年度的正式安排(不再显示提示)</translation>
    </message>
    <message>
        <source>the holiday entry for %1</source>
        <translation>%1 的节假日设置</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Official schedule from chinese_calendar; your changes are kept.</source>
        <translation>正式安排来自 chinese_calendar;您的修改会被保留。</translation>
    </message>
    <message>
        <source>Entered by hand and marked complete.</source>
        <translation>已手工录入并标记为完整。</translation>
    </message>
    <message>
        <source>No official data for this year yet: the days marked estimated are computed from the lunar calendar (bridging days and make-up working days are not). Enter the published schedule, then mark the year complete.</source>
        <translation>本年尚无官方数据：标为“预计”的日期按农历推算（调休和补班未推算）。请按公布的安排录入，然后标记本年已完整。</translation>
    </message>
    <message>
        <source>No official data for this year yet: planning uses weekends plus the days below. Enter the published schedule, then mark the year complete.</source>
        <translation>本年度尚无正式数据:排班只按周末和下列日期。请录入公布的放假安排,然后标记本年已录入完整。</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>chinese_calendar</source>
        <translation>chinese_calendar</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>预计</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <source>Applied: %1 duties removed, %2 added. Undo last change takes it back.</source>
        <translation>已应用：删除 %1 个排班，新增 %2 个。可用“撤销上次修改”恢复。</translation>
    </message>
</context>
<context>
    <name>HoursModel</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Duty / reason</source>
        <translation>服务内容 / 原因</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>核实人</translation>
    </message>
    <message>
        <source>Verified at</source>
        <translation>核实时间</translation>
    </message>
    <message>
        <source>Corrects</source>
        <translation>更正自</translation>
    </message>
    <message>
        <source>Shift check-in</source>
        <translation>排班签到</translation>
    </message>
    <message>
        <source>Resident request</source>
        <translation>居民诉求</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>手工补录</translation>
    </message>
    <message>
        <source>did not come (no-show)</source>
        <translation>未到岗</translation>
    </message>
    <message>
        <source>check-in times changed</source>
        <translation>签到时间变更</translation>
    </message>
    <message>
        <source>hours of the request changed</source>
        <translation>诉求服务时长变更</translation>
    </message>
    <message>
        <source>Corrected by No. %1</source>
        <translation>被第 %1 条更正</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <source>Awaiting verification</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>%1 (reason: %2)</source>
        <translation>%1（原因：%2）</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>第 %1 条</translation>
    </message>
    <message>
        <source>Recorded %1 by %2</source>
        <translation>%1 由 %2 录入</translation>
    </message>
    <message>
        <source>Verified %1 by %2</source>
        <translation>%1 由 %2 核实</translation>
    </message>
    <message>
        <source>Served %1 – %2</source>
        <translation>服务时间 %1 – %2</translation>
    </message>
</context>
<context>
    <name>HoursView</name>
    <message>
        <source>Service hours</source>
        <translation>志愿服务时长</translation>
    </message>
    <message>
        <source>Any month</source>
        <translation>全部月份</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部队伍</translation>
    </message>
    <message>
        <source>All entries</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>Awaiting verification</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <source>Volunteer: name, pinyin, initials or phone digits</source>
        <translation>志愿者：姓名、拼音、首字母或手机号</translation>
    </message>
    <message>
        <source>Show corrected entries</source>
        <translation>显示已更正的记录</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Add hours by hand…</source>
        <translation>手工补录…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Verify month…</source>
        <translation>按月核实…</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报表…</translation>
    </message>
    <message>
        <source>The month&apos;s report as an Excel workbook (every team) or a PDF statement (the team chosen above).</source>
        <translation>本月报表：Excel 工作簿（全部队伍）或 PDF 统计表（上方所选队伍）。</translation>
    </message>
    <message>
        <source>Yearly certificate…</source>
        <translation>年度证明…</translation>
    </message>
    <message>
        <source>A certificate of the chosen volunteer&apos;s verified hours in a year (PDF).</source>
        <translation>所选志愿者某一年度经核实服务时长的证明（PDF）。</translation>
    </message>
    <message>
        <source>Hours per volunteer</source>
        <translation>志愿者时长汇总</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Awaiting</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>条数</translation>
    </message>
    <message>
        <source>Figures are hours. Only verified hours count in reports and certificates.</source>
        <translation>单位：小时。只有已核实的时长计入报表和证明。</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>共 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; hours verified · %2 awaiting verification</source>
        <translation>已核实 &lt;b&gt;%1&lt;/b&gt; 小时 · 待核实 %2 小时</translation>
    </message>
    <message>
        <source>Entry No. %1 was saved; it awaits verification.</source>
        <translation>第 %1 条记录已保存，等待核实。</translation>
    </message>
    <message numerus="yes">
        <source>%n entries of the month were verified.</source>
        <translation>
            <numerusform>本月已核实 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF statement (*.pdf)</source>
        <translation>PDF 统计表 (*.pdf)</translation>
    </message>
    <message>
        <source>Export the hours report</source>
        <translation>导出服务时长报表</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>Choose a file ending in .xlsx or .pdf.</source>
        <translation>请选择扩展名为 .xlsx 或 .pdf 的文件。</translation>
    </message>
    <message>
        <source>Writing the PDF statement…</source>
        <translation>正在生成 PDF 统计表…</translation>
    </message>
    <message>
        <source>Save the certificate</source>
        <translation>保存证明</translation>
    </message>
    <message>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the certificate…</source>
        <translation>正在生成证明…</translation>
    </message>
    <message>
        <source>Certificate of %1 for %2 (%3 verified hours) saved to %4.</source>
        <translation>%1 的 %2 年度证明（已核实 %3 小时）已保存到 %4。</translation>
    </message>
    <message>
        <source>Report of %1 saved to %2: %3 volunteers, %4 verified hours, %5 hours awaiting verification.</source>
        <translation>%1 的报表已保存到 %2：%3 名志愿者，已核实 %4 小时，待核实 %5 小时。</translation>
    </message>
    <message>
        <source>PDF statement saved to %1 (%2 pages).</source>
        <translation>PDF 统计表已保存到 %1（共 %2 页）。</translation>
    </message>
    <message>
        <source>No usable Chinese TrueType font was found for the PDF. Install fonts-wqy-zenhei (Linux) or choose a font file on the Print screen.</source>
        <translation>找不到可用于 PDF 的中文 TrueType 字体。请安装 fonts-wqy-zenhei（Linux），或在“打印”页面选择字体文件。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import volunteers</source>
        <translation>导入志愿者</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Save an empty template…</source>
        <translation>保存空白模板…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) or CSV file with a header row: %1. Name and mobile phone are required; several teams in one cell are separated by 、. All rows are imported, or none.</source>
        <translation>Excel 工作簿（.xlsx）或 CSV 文件，第一行为表头：%1。姓名和手机号必填；一个单元格中的多个队伍用“、”分隔。要么全部导入，要么一行也不导入。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Create the teams and grids the file names that do not exist yet</source>
        <translation>创建文件中提到、尚不存在的队伍和网格</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Name in that row</source>
        <translation>该行姓名</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Rows in the file</source>
        <translation>文件内容</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Choose the file to import. Nothing is written before you confirm.</source>
        <translation>请选择要导入的文件。在您确认之前不会写入任何数据。</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>表格文件 (*.xlsx *.csv);;Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Save an empty template</source>
        <translation>保存空白模板</translation>
    </message>
    <message>
        <source>volunteers-template.xlsx</source>
        <translation>志愿者导入模板.xlsx</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Reading rows: %v of %m</source>
        <translation>正在读取：第 %v 行，共 %m 行</translation>
    </message>
    <message>
        <source>The file is fine: %1 volunteers are ready to be imported. Check the rows, then confirm.</source>
        <translation>文件检查通过：共 %1 名志愿者可以导入。请核对后确认导入。</translation>
    </message>
    <message>
        <source>New teams to create: %1. New grids to create: %2.</source>
        <translation>将新建队伍：%1。将新建网格：%2。</translation>
    </message>
    <message numerus="yes">
        <source>Import %n volunteer(s)</source>
        <translation>
            <numerusform>导入 %n 名志愿者</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing can be imported yet: %1 problems in %2 of %3 rows (listed below). Correct the file and choose it again; nothing was written.</source>
        <translation>暂不能导入：%3 行中有 %2 行存在问题，共 %1 处（见下表）。请修改文件后重新选择；没有写入任何数据。</translation>
    </message>
    <message>
        <source>Checking was cancelled; nothing was written.</source>
        <translation>已取消检查，没有写入任何数据。</translation>
    </message>
    <message>
        <source>The file cannot be read (see below); nothing was written.</source>
        <translation>无法读取文件（见下表），没有写入任何数据。</translation>
    </message>
    <message>
        <source>repeats row %1 of the file</source>
        <translation>与文件第 %1 行重复</translation>
    </message>
    <message>
        <source>“%1” %2</source>
        <translation>“%1”%2</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <source>Rows in the file (%1)</source>
        <translation>文件内容（%1 行）</translation>
    </message>
    <message>
        <source>Writing %1 volunteers…</source>
        <translation>正在写入 %1 名志愿者…</translation>
    </message>
    <message>
        <source>Writing to the database; please wait…</source>
        <translation>正在写入数据库，请稍候…</translation>
    </message>
    <message>
        <source>%1 volunteers were imported.</source>
        <translation>已导入 %1 名志愿者。</translation>
    </message>
    <message>
        <source>The register changed since the file was checked (e.g. a mobile number was registered meanwhile). Nothing was written; checking again…</source>
        <translation>检查之后名册发生了变化（例如有人刚登记了相同的手机号）。没有写入任何数据，正在重新检查…</translation>
    </message>
    <message>
        <source>The import failed and nothing was written: %1</source>
        <translation>导入失败，没有写入任何数据：%1</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Upcoming-duty reminders</source>
        <translation>值班提醒</translation>
    </message>
    <message>
        <source>Unfilled-shift alerts</source>
        <translation>缺员预警</translation>
    </message>
    <message>
        <source>Overdue residents&apos; requests</source>
        <translation>诉求超期提醒</translation>
    </message>
    <message>
        <source>Weekly plan from the duty templates</source>
        <translation>按模板生成下周排班</translation>
    </message>
    <message>
        <source>Nightly database backup</source>
        <translation>每晚备份数据库</translation>
    </message>
    <message>
        <source>Nightly audit-log check</source>
        <translation>每晚审计日志核查</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>already done</source>
        <translation>已做过</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>residents&apos; requests are not part of this version</source>
        <translation>本版本没有居民诉求功能</translation>
    </message>
    <message>
        <source>only database files on this computer are backed up by this job</source>
        <translation>此任务只备份本机上的数据库文件</translation>
    </message>
    <message>
        <source>missed while the app was closed</source>
        <translation>程序关闭期间错过</translation>
    </message>
    <message>
        <source>an unexpected error; the log has the details</source>
        <translation>意外错误，详情见日志</translation>
    </message>
    <message>
        <source>the database is damaged, so no backup was made (the older backups are kept); restore the newest good one into a new file</source>
        <translation>数据库已损坏，因此未做备份（较早的备份仍保留）；请把最近一份完好的备份恢复到一个新文件中</translation>
    </message>
    <message>
        <source>the audit log, or the settings, operators and hours it protects, were changed outside the app</source>
        <translation>审计日志或其保护的设置、操作员、服务时长曾在本程序之外被改动</translation>
    </message>
    <message>
        <source>this computer does not have the database&apos;s key, so the audit log cannot be checked</source>
        <translation>这台电脑上没有本数据库的密钥，无法核对审计日志</translation>
    </message>
    <message>
        <source>the key on this computer is not this database&apos;s key</source>
        <translation>这台电脑上的密钥不是本数据库的密钥</translation>
    </message>
    <message>
        <source>The audit log does not match its chain: %1 problem(s), first entry #%2</source>
        <translation>审计日志与其校验链不符：%1 处问题，第一条不符的记录为 #%2</translation>
    </message>
    <message>
        <source>Week %1 was planned with the %2 holidays not confirmed (estimated or weekends only); check the holiday table</source>
        <translation>第 %1 周排班时 %2 年的节假日尚未确认（预计或仅按周末），请核对节假日表</translation>
    </message>
    <message>
        <source>%1 next day</source>
        <translation>次日%1</translation>
    </message>
    <message>
        <source>%1: duty %2 %3 (reminded %4 min before)</source>
        <translation>%1：%2 %3 值班（提前%4分钟提醒）</translation>
    </message>
    <message>
        <source>%1 %2 needs %3 more (%4 of %5 filled)</source>
        <translation>%1 %2 还缺%3人（已排%4/%5人）</translation>
    </message>
    <message>
        <source>Request of %1 (%2) is %3 h overdue</source>
        <translation>%1（%2）的诉求已超期%3小时</translation>
    </message>
    <message>
        <source>Week %1: %2 shifts made from the templates (%3 were there)</source>
        <translation>%1周：按模板新建%2个班次（原有%3个）</translation>
    </message>
    <message>
        <source>Backup written: %1 (%2 old copies removed)</source>
        <translation>已备份到 %1（删除旧备份%2份）</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1失败</translation>
    </message>
    <message numerus="yes">
        <source>%n duty reminder(s)</source>
        <translation>
            <numerusform>%n条值班提醒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shift(s) short of volunteers</source>
        <translation>
            <numerusform>%n个班次缺员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue request(s)</source>
        <translation>
            <numerusform>%n件诉求超期</numerusform>
        </translation>
    </message>
    <message>
        <source>... and %1 more</source>
        <translation>……另有%1条</translation>
    </message>
    <message>
        <source>Volunteer brigade scheduler: reminders are on</source>
        <translation>志愿服务队排班：提醒已开启</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>JobsSettingsWidget</name>
    <message>
        <source>Reminders and background jobs</source>
        <translation>提醒与后台任务</translation>
    </message>
    <message>
        <source>The jobs run while the app is open. A job that was due while the app was closed runs once at the next start, if it is still useful. These settings are shared by every computer of the office.</source>
        <translation>后台任务在程序打开时运行。程序关闭期间到期的任务，会在下次启动时补做一次（如果仍有意义）。这些设置由办公室的所有电脑共用。</translation>
    </message>
    <message>
        <source>Save job settings</source>
        <translation>保存任务设置</translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>每%n分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>daily at</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>e.g. 24h, 2h</source>
        <translation>例如 24h, 2h</translation>
    </message>
    <message>
        <source>How long before a duty volunteers are reminded</source>
        <translation>值班开始前多久提醒志愿者</translation>
    </message>
    <message>
        <source>Per team…</source>
        <translation>按队伍设置…</translation>
    </message>
    <message>
        <source>before the duty:</source>
        <translation>提前：</translation>
    </message>
    <message>
        <source> h from now</source>
        <translation> 小时内开始的缺员班次</translation>
    </message>
    <message>
        <source>alert for shifts starting within</source>
        <translation>预警未来</translation>
    </message>
    <message>
        <source>makes next week&apos;s shifts from the duty templates</source>
        <translation>按值班模板生成下周的班次</translation>
    </message>
    <message>
        <source> copies</source>
        <translation> 份</translation>
    </message>
    <message>
        <source>folder “backups” beside the database</source>
        <translation>数据库所在目录下的“backups”文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>立即运行</translation>
    </message>
    <message numerus="yes">
        <source>Per team (%n)…</source>
        <translation>
            <numerusform>按队伍设置（%n个队）…</numerusform>
        </translation>
    </message>
    <message>
        <source>next %1</source>
        <translation>下次 %1</translation>
    </message>
    <message>
        <source>last %1 %2</source>
        <translation>上次 %1 %2</translation>
    </message>
    <message>
        <source>not run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <source>Folder for the nightly backups</source>
        <translation>每晚备份的文件夹</translation>
    </message>
    <message>
        <source>Saved. The jobs run on the new schedule.</source>
        <translation>已保存，任务将按新的时间运行。</translation>
    </message>
    <message>
        <source>Lead times must be 1 to 5 values like 24h, 2h or 90m, each at most 7 days.</source>
        <translation>提前时间须为1至5个值，如 24h、2h 或 90m，每个不超过7天。</translation>
    </message>
    <message>
        <source>A team&apos;s lead times must be like 24h, 2h or 90m.</source>
        <translation>队伍的提前时间须写成 24h、2h 或 90m 的形式。</translation>
    </message>
    <message>
        <source>The alert window must be 1 to 336 hours.</source>
        <translation>预警范围须为1至336小时。</translation>
    </message>
    <message>
        <source>Keep between 1 and 365 backups.</source>
        <translation>备份须保留1至365份。</translation>
    </message>
    <message>
        <source>%1 is not valid.</source>
        <translation>%1 无效。</translation>
    </message>
    <message>
        <source>%1 is running…</source>
        <translation>正在运行：%1…</translation>
    </message>
    <message numerus="yes">
        <source>(%n new notice(s))</source>
        <translation>
            <numerusform>（新提醒%n条）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>Mark as left</source>
        <translation>标记离开</translation>
    </message>
    <message>
        <source>%1 will be marked as having left. Their history (duties, hours, requests) is kept, and they can be restored later.</source>
        <translation>%1 将被标记为已离开。其服务记录（排班、时长、诉求）会保留，以后可以恢复。</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>离开日期</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>This database requires operators to log in.</source>
        <translation>此数据库要求操作员登录。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>请输入用户名和密码。</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords. Try again after %1 or ask an administrator to unlock it.</source>
        <translation>密码错误次数过多，此账号已被锁定。请在 %1 之后重试，或请管理员解锁。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Shared database without accounts</source>
        <translation>共享数据库未开启账号</translation>
    </message>
    <message>
        <source>This database is on a server and may be shared by several PCs, but operator accounts are switched off: everyone may see and change everything, and the audit log cannot tell who did what.

An administrator should switch accounts on in 操作员 (Operators).</source>
        <translation>此数据库位于服务器上，可能由多台电脑共用，但尚未开启操作员账号：任何人都能查看和修改全部数据，审计日志也无法区分是谁操作的。

请管理员在“操作员”页面开启账号。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Import volunteers…</source>
        <translation>导入志愿者(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export volunteers…</source>
        <translation>导出志愿者(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Recent databases</source>
        <translation>最近打开的数据库</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Volunteer Brigade Scheduler</source>
        <translation>志愿服务队排班</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>This computer does not have the key of this database, so changes cannot be recorded in its audit log. An administrator exports the key on a computer that has it (volunteer-app keys export FILE) and imports it here (volunteer-app keys import FILE).</source>
        <translation>这台电脑上没有本数据库的密钥，因此无法在审计日志中记录更改。请管理员在有密钥的电脑上导出密钥（volunteer-app keys export FILE），再在这台电脑上导入（volunteer-app keys import FILE）。</translation>
    </message>
    <message>
        <source>The key on this computer is not the key of this database: its audit log can neither be checked nor extended. Import the right key file (volunteer-app keys import FILE).</source>
        <translation>这台电脑上的密钥不是本数据库的密钥：既无法核对审计日志，也无法继续记录。请导入正确的密钥文件（volunteer-app keys import FILE）。</translation>
    </message>
    <message>
        <source>Warning: the audit log does not match its chain (%1 problem(s), first entry #%2). The audit log, the security settings, the operators or the hours ledger were changed outside the app. An administrator sees the details with: volunteer-app audit verify</source>
        <translation>警告：审计日志与其校验链不符（%1 处问题，第一条不符的记录为 #%2）。审计日志、安全设置、操作员或服务时长台账曾在本程序之外被改动。管理员可用以下命令查看详情：volunteer-app audit verify</translation>
    </message>
    <message>
        <source>Volunteers: %1 active, %2 left  ·  Teams: %3  ·  Grids: %4</source>
        <translation>志愿者：在册 %1 人，已离开 %2 人 · 队伍 %3 支 · 网格 %4 个</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出现问题</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Volunteer Brigade Scheduler %1&lt;/h3&gt;&lt;p&gt;Registers of volunteers, teams and grids, shift planning, residents&apos; requests and printouts for a community office.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;志愿服务队排班 %1&lt;/h3&gt;&lt;p&gt;社区居委会使用的志愿者、队伍和网格名册，排班，居民诉求和打印。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ManualEntryDialog</name>
    <message>
        <source>Add hours by hand</source>
        <translation>手工补录服务时长</translation>
    </message>
    <message>
        <source>For service without a shift or request, e.g. an event. The entry awaits verification by a captain or coordinator before it counts.</source>
        <translation>用于没有排班或诉求的服务，例如社区活动。记录须经队长或协调员核实后才计入时长。</translation>
    </message>
    <message>
        <source>Search name, pinyin, initials or phone digits</source>
        <translation>搜索姓名、拼音、首字母或手机号</translation>
    </message>
    <message>
        <source>No volunteer chosen yet.</source>
        <translation>尚未选择志愿者。</translation>
    </message>
    <message>
        <source>e.g. 1.5</source>
        <translation>例如 1.5</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>（不指定队伍）</translation>
    </message>
    <message>
        <source>What was done, e.g. 垃圾分类宣传活动</source>
        <translation>服务内容，例如 垃圾分类宣传活动</translation>
    </message>
    <message>
        <source>Why by hand, e.g. event without a shift</source>
        <translation>补录原因，例如 活动未排班</translation>
    </message>
    <message>
        <source>Volunteer *</source>
        <translation>志愿者 *</translation>
    </message>
    <message>
        <source>Date served *</source>
        <translation>服务日期 *</translation>
    </message>
    <message>
        <source>Hours *</source>
        <translation>时长（小时）*</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>补录原因 *</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>the new hours entry of %1</source>
        <translation>%1的新时长记录</translation>
    </message>
    <message>
        <source>the new hours entry</source>
        <translation>新时长记录</translation>
    </message>
    <message>
        <source>(left)</source>
        <translation>（已离开）</translation>
    </message>
    <message>
        <source>… and %1 more: type more of the name</source>
        <translation>… 另有 %1 人，请输入更多字以缩小范围</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>已选择：%1</translation>
    </message>
</context>
<context>
    <name>MemberPickerDialog</name>
    <message>
        <source>Add members to %1</source>
        <translation>为 %1 添加队员</translation>
    </message>
    <message>
        <source>Search name, pinyin, initials or phone digits</source>
        <translation>搜索姓名、拼音、首字母或手机号</translation>
    </message>
    <message>
        <source>Tick the volunteers to add (Space ticks the selected rows). Ticks are kept when you search again.</source>
        <translation>勾选要添加的志愿者（按空格键勾选选中的行）。重新搜索时已勾选的人会保留。</translation>
    </message>
    <message>
        <source>Role in the team</source>
        <translation>在队中的职务</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>已选：%1</translation>
    </message>
    <message>
        <source>No one chosen yet.</source>
        <translation>尚未选择任何人。</translation>
    </message>
    <message numerus="yes">
        <source>Add %n volunteer(s)</source>
        <translation>
            <numerusform>添加 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>OneOffShiftDialog</name>
    <message>
        <source>New one-off duty</source>
        <translation>新增临时任务</translation>
    </message>
    <message>
        <source>e.g. Mid-Autumn garden party stewards</source>
        <translation>例如：中秋游园会引导</translation>
    </message>
    <message>
        <source>A one-off duty comes from no template: generating the week leaves it alone.</source>
        <translation>临时任务不来自模板：按模板生成排班时不会改动它。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Duty type</source>
        <translation>任务类型</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>People needed</source>
        <translation>所需人数</translation>
    </message>
    <message>
        <source>Add duty</source>
        <translation>新增任务</translation>
    </message>
    <message>
        <source>the new one-off duty</source>
        <translation>新的临时任务</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>（无队伍）</translation>
    </message>
    <message>
        <source>(no grid)</source>
        <translation>（无网格）</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>New operator</source>
        <translation>新增操作员</translation>
    </message>
    <message>
        <source>Edit operator</source>
        <translation>编辑操作员</translation>
    </message>
    <message>
        <source>(choose the team)</source>
        <translation>（选择队伍）</translation>
    </message>
    <message>
        <source>May log in</source>
        <translation>允许登录</translation>
    </message>
    <message>
        <source>leave empty to keep the password</source>
        <translation>留空则不修改密码</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Team (captains)</source>
        <translation>队伍（队长）</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>operator “%1”</source>
        <translation>操作员“%1”</translation>
    </message>
    <message>
        <source>the new operator</source>
        <translation>新操作员</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>OperatorsView</name>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>协调员</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>办事员</translation>
    </message>
    <message>
        <source>Team captain</source>
        <translation>队长</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>New operator…</source>
        <translation>新增操作员…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Operator accounts are on: everyone logs in and may do only what their role allows; every change is recorded with their name.</source>
        <translation>操作员账号已开启：每个人都须登录，只能做其角色允许的事；每次修改都会记下操作人。</translation>
    </message>
    <message>
        <source>Operator accounts are off (single-user mode): whoever uses this PC may do everything. Switch them on when several people or PCs share this database.</source>
        <translation>操作员账号未开启（单用户模式）：使用这台电脑的人可以做任何操作。多人或多台电脑共用此数据库时，请开启账号。</translation>
    </message>
    <message>
        <source>Switch accounts off…</source>
        <translation>关闭账号…</translation>
    </message>
    <message>
        <source>Switch accounts on…</source>
        <translation>开启账号…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Switch accounts off</source>
        <translation>关闭账号</translation>
    </message>
    <message>
        <source>Switch operator accounts off? Whoever uses this PC may then do everything without logging in. The operators are kept for when accounts are switched on again.</source>
        <translation>关闭操作员账号？之后使用这台电脑的人无需登录即可做任何操作。操作员信息会保留，以便再次开启。</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <source>Residents&apos; requests</source>
        <translation>居民诉求</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>诉求列表</translation>
    </message>
    <message>
        <source>Month counts</source>
        <translation>月度统计</translation>
    </message>
    <message>
        <source>Open or awaiting follow-up</source>
        <translation>待办及待回访</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>在办</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部队伍</translation>
    </message>
    <message>
        <source>Any month</source>
        <translation>全部月份</translation>
    </message>
    <message>
        <source>Search resident, phone, building, text</source>
        <translation>搜索居民姓名、电话、楼栋、内容</translation>
    </message>
    <message>
        <source>New request…</source>
        <translation>收单…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Correct what was taken in (open requests only)</source>
        <translation>更正收单信息(仅限未办结的诉求)</translation>
    </message>
    <message>
        <source>Print slip…</source>
        <translation>打印派单单…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收单时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋/小区</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Team / volunteer</source>
        <translation>队伍 / 志愿者</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>办结时限</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1（已超时）</translation>
    </message>
    <message numerus="yes">
        <source>%n requests</source>
        <translation>
            <numerusform>共 %n 件诉求</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 件已超时</numerusform>
        </translation>
    </message>
    <message>
        <source>(no grid)</source>
        <translation>（未填网格）</translation>
    </message>
    <message>
        <source>%1 requests received in %2: %3 done on time, %4 done late, %5 open and overdue, %6 cancelled. Average satisfaction %7 (%8 follow-ups).</source>
        <translation>%2 共收单 %1 件：按时办结 %3 件，超时办结 %4 件，在办且已超时 %5 件，已取消 %6 件。平均满意度 %7（回访 %8 件）。</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>诉求 %1</translation>
    </message>
    <message>
        <source>No request chosen</source>
        <translation>未选择诉求</translation>
    </message>
    <message>
        <source>Choose a request to see its details and history, or take in a new one.</source>
        <translation>请选择一件诉求查看详情和流转记录，或点击“收单”登记新的诉求。</translation>
    </message>
    <message>
        <source>Request %1: %2</source>
        <translation>诉求 %1：%2</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1，经办人 %2</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Overdue: the due time has passed.</source>
        <translation>已超时：已过办结时限。</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Follow-up remark</source>
        <translation>回访意见</translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <source>History</source>
        <translation>流转记录</translation>
    </message>
    <message>
        <source>Hours of this request were written to the ledger; a captain or coordinator verifies them.</source>
        <translation>本诉求的服务时长已记入时长台账，待队长或协调员核实。</translation>
    </message>
    <message>
        <source>request-%1.pdf</source>
        <translation>派单单-%1.pdf</translation>
    </message>
    <message>
        <source>Print request slip</source>
        <translation>打印派单单</translation>
    </message>
    <message>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The slip was saved to %1.</source>
        <translation>派单单已保存到 %1。</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Assign despite conflicts?</source>
        <translation>仍要排班吗?</translation>
    </message>
    <message>
        <source>%1 cannot normally take this shift:</source>
        <translation>%1 按规则不能担任这个班次:</translation>
    </message>
    <message>
        <source>Reason for assigning anyway (kept with the assignment):</source>
        <translation>仍要排班的理由(会随排班记录保存):</translation>
    </message>
    <message>
        <source>e.g. the captain agreed by phone</source>
        <translation>例如:队长已电话同意</translation>
    </message>
    <message>
        <source>Assign anyway</source>
        <translation>仍然排班</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>Protect the backup</source>
        <translation>保护备份</translation>
    </message>
    <message>
        <source>The backup is encrypted. With a passphrase (at least %1 characters) it opens on any PC for whoever knows it. Left empty, it is encrypted with this database&apos;s key and opens only on a PC holding that key (export the key for safe keeping).</source>
        <translation>备份会被加密。设置口令（至少 %1 个字符）后，知道口令的人可在任何电脑上打开；留空则用本数据库的密钥加密，只能在持有该密钥的电脑上打开（请导出密钥并妥善保管）。</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>再输一次：</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>At least %1 characters, please.</source>
        <translation>请至少输入 %1 个字符。</translation>
    </message>
    <message>
        <source>Encrypted backup</source>
        <translation>加密的备份</translation>
    </message>
    <message>
        <source>Passphrase of %1:</source>
        <translation>%1 的口令：</translation>
    </message>
</context>
<context>
    <name>PlannerView</name>
    <message>
        <source>Patrol</source>
        <translation>巡逻</translation>
    </message>
    <message>
        <source>Daily small inspection</source>
        <translation>日常小排查</translation>
    </message>
    <message>
        <source>Weekly big inspection</source>
        <translation>每周大排查</translation>
    </message>
    <message>
        <source>Civility persuasion</source>
        <translation>文明劝导</translation>
    </message>
    <message>
        <source>Publicity</source>
        <translation>宣传</translation>
    </message>
    <message>
        <source>Cleanup</source>
        <translation>环境整治</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Other duty</source>
        <translation>其他任务</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已排班</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已签到</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>has left (inactive)</source>
        <translation>已离队</translation>
    </message>
    <message>
        <source>on leave or unavailable that day</source>
        <translation>当天请假或不能服务</translation>
    </message>
    <message>
        <source>not a member of the shift&apos;s team</source>
        <translation>不是该班次所属队伍的队员</translation>
    </message>
    <message>
        <source>already on another shift at that time</source>
        <translation>同一时间已有其他班次</translation>
    </message>
    <message>
        <source>the shift is already full</source>
        <translation>班次人数已满</translation>
    </message>
    <message>
        <source>outside their available times</source>
        <translation>不在其可服务时间内</translation>
    </message>
    <message>
        <source>over their weekly maximum</source>
        <translation>超过每周最多班次</translation>
    </message>
    <message>
        <source>over their daily maximum</source>
        <translation>超过每天最多班次</translation>
    </message>
    <message>
        <source>less than 8 hours&apos; rest between shifts</source>
        <translation>两个班次之间休息不足8小时</translation>
    </message>
    <message>
        <source>New Year&apos;s Day</source>
        <translation>元旦</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>春节</translation>
    </message>
    <message>
        <source>Qingming Festival</source>
        <translation>清明节</translation>
    </message>
    <message>
        <source>Labour Day</source>
        <translation>劳动节</translation>
    </message>
    <message>
        <source>Dragon Boat Festival</source>
        <translation>端午节</translation>
    </message>
    <message>
        <source>National Day</source>
        <translation>国庆节</translation>
    </message>
    <message>
        <source>Mid-Autumn Festival</source>
        <translation>中秋节</translation>
    </message>
    <message>
        <source>Victory Day (70th anniversary)</source>
        <translation>抗战胜利70周年纪念日</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>The volunteer is already on this shift.</source>
        <translation>该志愿者已在这个班次上。</translation>
    </message>
    <message>
        <source>This duty is already checked in, completed or marked no-show; change its status instead of removing it.</source>
        <translation>这个班次已签到、已完成或已记缺勤,不能移除,请改为修改其状态。</translation>
    </message>
    <message>
        <source>The volunteer is no longer on this shift.</source>
        <translation>该志愿者已不在这个班次上。</translation>
    </message>
    <message>
        <source>That duty assignment no longer exists; reload and try again.</source>
        <translation>该排班已不存在，请刷新后重试。</translation>
    </message>
    <message>
        <source>That duty was not released, so it cannot be given back.</source>
        <translation>该排班并未释放，无法恢复。</translation>
    </message>
    <message>
        <source>The shift no longer exists; it may have been deleted meanwhile.</source>
        <translation>班次已不存在,可能刚被他人删除。</translation>
    </message>
    <message>
        <source>The duty&apos;s status cannot be changed that way.</source>
        <translation>班次状态不能这样更改。</translation>
    </message>
    <message>
        <source>%1 (%2 of at most %3)</source>
        <translation>%1(%2 次,最多 %3 次)</translation>
    </message>
    <message>
        <source>%1 (%2 h)</source>
        <translation>%1(%2 小时)</translation>
    </message>
    <message>
        <source>%1 (%2 to %3)</source>
        <translation>%1(%2 至 %3)</translation>
    </message>
    <message>
        <source>The generated shifts already have volunteers on them.</source>
        <translation>生成的班次上已经排了志愿者。</translation>
    </message>
    <message>
        <source> (+1 day)</source>
        <translation>(次日)</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>缺 %1 人</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Mon–Fri</source>
        <translation>周一至周五</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <source>Go to the week of a date</source>
        <translation>跳到某一天所在的周</translation>
    </message>
    <message>
        <source>Rows: teams</source>
        <translation>按队伍分行</translation>
    </message>
    <message>
        <source>Rows: grids</source>
        <translation>按网格分行</translation>
    </message>
    <message>
        <source>Generate from templates</source>
        <translation>按模板生成班次</translation>
    </message>
    <message>
        <source>Create this week&apos;s shifts from the recurring duty templates (shifts already there are kept)</source>
        <translation>按周期性任务模板生成本周班次(已有班次保持不变)</translation>
    </message>
    <message>
        <source>Duty templates…</source>
        <translation>任务模板…</translation>
    </message>
    <message>
        <source>Recurring duties the week&apos;s shifts are generated from</source>
        <translation>用来生成每周班次的周期性任务</translation>
    </message>
    <message>
        <source>Holidays…</source>
        <translation>节假日…</translation>
    </message>
    <message>
        <source>Statutory holidays and make-up working days (editable)</source>
        <translation>法定节假日与调休上班日(可编辑)</translation>
    </message>
    <message>
        <source>Copy previous week</source>
        <translation>复制上周排班</translation>
    </message>
    <message>
        <source>Put last week&apos;s volunteers on this week&apos;s matching shifts (checked for conflicts)</source>
        <translation>把上周的志愿者排到本周对应班次(会检查冲突)</translation>
    </message>
    <message>
        <source>Add one-off duty…</source>
        <translation>新增临时任务…</translation>
    </message>
    <message>
        <source>An event or duty that comes from no template</source>
        <translation>不来自任务模板的活动或临时任务</translation>
    </message>
    <message>
        <source>Batch history…</source>
        <translation>批次记录…</translation>
    </message>
    <message>
        <source>Generation runs, copied weeks and applied auto-fills, each with what it did; undo one</source>
        <translation>模板生成、复制上周和已应用的自动排班，列出每批做了什么；可逐批撤销</translation>
    </message>
    <message>
        <source>Auto-fill…</source>
        <translation>自动排班…</translation>
    </message>
    <message>
        <source>Propose volunteers for this week&apos;s open places, fairly; you review and apply</source>
        <translation>为本周空缺岗位公平地推荐志愿者,审核后再应用</translation>
    </message>
    <message>
        <source>Colours: green = full, amber = places open, red = nobody yet; a name in red is on leave or has left. ✓ = confirmed. Drag a volunteer onto any shift; drag a name from the selected shift&apos;s list onto another shift to move them.</source>
        <translation>颜色:绿色 = 已排满,橙色 = 还缺人,红色 = 尚无人;红字姓名 = 请假或已离队。✓ = 已确认。可把志愿者拖到任一班次上；把选中班次名单里的姓名拖到另一班次即可调换。</translation>
    </message>
    <message>
        <source>Selected shift</source>
        <translation>选中的班次</translation>
    </message>
    <message>
        <source>On this shift</source>
        <translation>本班次人员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Mark confirmed</source>
        <translation>标为已确认</translation>
    </message>
    <message>
        <source>Confirm all</source>
        <translation>全部确认</translation>
    </message>
    <message>
        <source>Check-in…</source>
        <translation>签到…</translation>
    </message>
    <message>
        <source>Record who arrived and left, or did not come</source>
        <translation>登记谁到岗、离岗,或未到</translation>
    </message>
    <message>
        <source>Free volunteers</source>
        <translation>可排志愿者</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>不宜排班的原因</translation>
    </message>
    <message>
        <source>Assign to shift</source>
        <translation>排到该班次</translation>
    </message>
    <message>
        <source>Availability…</source>
        <translation>可服务时间…</translation>
    </message>
    <message>
        <source>Weekly times, limits and leave of the selected volunteer</source>
        <translation>所选志愿者的每周时段、班次上限和请假</translation>
    </message>
    <message>
        <source>%1 week %2 (%3) · %4 – %5</source>
        <translation>%1年第%2周(%3)· %4 – %5</translation>
    </message>
    <message>
        <source>No official holiday schedule for %1 yet: days off are weekends plus the holidays entered by hand. Statutory holidays and make-up working days may be missing.</source>
        <translation>%1 年的法定节假日安排尚未公布:目前只按周末和手工录入的节假日排班,法定节假日和调休上班日可能缺失。</translation>
    </message>
    <message>
        <source>Moved: %1</source>
        <translation>已调换：%1</translation>
    </message>
    <message>
        <source>%1 was not moved: %2</source>
        <translation>%1 未调换：%2</translation>
    </message>
    <message>
        <source>%1 shifts · %2 of %3 places filled · %4 shifts with gaps</source>
        <translation>共 %1 个班次 · 已排 %2/%3 人次 · %4 个班次缺人</translation>
    </message>
    <message>
        <source>Click a shift in the week to see who is on it and who could take it.</source>
        <translation>点击周表中的班次,查看已排人员和可排的志愿者。</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>%1 of %2 places filled</source>
        <translation>已排 %1/%2 人</translation>
    </message>
    <message>
        <source>Assigned despite conflicts: %1</source>
        <translation>有冲突仍排班:%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>%1 can take it; the others are listed with the reason. Double-click or drag onto a shift.</source>
        <translation>%1 人可以排;其他人列出了原因。双击或拖到班次上即可排班。</translation>
    </message>
    <message>
        <source>%1 assigned, but: %2</source>
        <translation>已排 %1,但:%2</translation>
    </message>
    <message>
        <source>%1 assigned despite: %2</source>
        <translation>已排 %1(已说明理由):%2</translation>
    </message>
    <message>
        <source>%1 assigned.</source>
        <translation>已排 %1。</translation>
    </message>
    <message>
        <source>%1 removed from the shift.</source>
        <translation>已把 %1 从班次移除。</translation>
    </message>
    <message>
        <source>%1 confirmed.</source>
        <translation>%1 已确认。</translation>
    </message>
    <message numerus="yes">
        <source>%n volunteer(s) confirmed.</source>
        <translation>
            <numerusform>已确认 %n 名志愿者。</numerusform>
        </translation>
    </message>
    <message>
        <source>One-off duty added.</source>
        <translation>已新增临时任务。</translation>
    </message>
    <message numerus="yes">
        <source>%n shift(s) created from the templates.</source>
        <translation>
            <numerusform>已按模板生成 %n 个班次。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new: every template&apos;s shifts are already there.</source>
        <translation>没有新班次:各模板的班次都已存在。</translation>
    </message>
    <message>
        <source>Copied from the previous week: %1 volunteer(s) on shifts, %2 shift(s) created.</source>
        <translation>已复制上周排班:排了 %1 人次,新建 %2 个班次。</translation>
    </message>
    <message>
        <source>Not copied: %1</source>
        <translation>未复制:%1</translation>
    </message>
</context>
<context>
    <name>PrintScope</name>
    <message>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <source> per grid</source>
        <translation> 张/每个网格</translation>
    </message>
    <message>
        <source>Print the backs too (double-sided)</source>
        <translation>同时打印背面（双面打印）</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>All active volunteers</source>
        <translation>全部在册志愿者</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Choose a team to pick single members; otherwise every active volunteer gets a card.</source>
        <translation>选择队伍后可勾选个别队员；否则为每位在册志愿者打印一张志愿者证。</translation>
    </message>
    <message>
        <source>Week and team</source>
        <translation>周次与队伍</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>按队伍</translation>
    </message>
    <message>
        <source>By grid</source>
        <translation>按网格</translation>
    </message>
    <message>
        <source>All teams, one after another</source>
        <translation>全部队伍（逐队打印）</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周次</translation>
    </message>
    <message>
        <source>Roster of</source>
        <translation>值班表范围</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Day and shifts</source>
        <translation>日期与班次</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部队伍</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>One sheet for each ticked shift:</source>
        <translation>为每个勾选的班次打印一张签到表：</translation>
    </message>
    <message>
        <source>Month and team</source>
        <translation>月份与队伍</translation>
    </message>
    <message>
        <source>One statement per volunteer</source>
        <translation>每位志愿者单独一份</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Only hours verified by a captain are added into the totals.</source>
        <translation>只有经队长核实的时长才计入合计。</translation>
    </message>
    <message>
        <source>%1–%2  %3  %4  (%5 on it)</source>
        <translation>%1–%2  %3  %4（已排 %5 人）</translation>
    </message>
    <message>
        <source>No shifts on this day.</source>
        <translation>这一天没有班次。</translation>
    </message>
    <message>
        <source>captain</source>
        <translation>队长</translation>
    </message>
    <message>
        <source>deputy</source>
        <translation>副队长</translation>
    </message>
    <message>
        <source>%1 (%2 to %3)</source>
        <translation>%1（%2 至 %3）</translation>
    </message>
    <message>
        <source>Tick at least one grid, or choose all grids.</source>
        <translation>请至少勾选一个网格，或选择全部网格。</translation>
    </message>
    <message>
        <source>Tick at least one member.</source>
        <translation>请至少勾选一名队员。</translation>
    </message>
    <message>
        <source>There are no grids yet.</source>
        <translation>还没有网格。</translation>
    </message>
    <message>
        <source>There is no ticked shift on this day.</source>
        <translation>这一天没有勾选的班次。</translation>
    </message>
</context>
<context>
    <name>PrintView</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Grid contact cards</source>
        <translation>网格联系卡</translation>
    </message>
    <message>
        <source>Volunteer member cards</source>
        <translation>志愿者证</translation>
    </message>
    <message>
        <source>Weekly roster</source>
        <translation>周值班表</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>Service hours statement</source>
        <translation>志愿服务时长统计表</translation>
    </message>
    <message>
        <source>Paper and privacy</source>
        <translation>纸张与隐私</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Mask phone numbers (138****1234)</source>
        <translation>隐去手机号中间四位（138****1234）</translation>
    </message>
    <message>
        <source>System font</source>
        <translation>系统字体</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Font file</source>
        <translation>字体文件</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Printout</source>
        <translation>打印内容</translation>
    </message>
    <message>
        <source>Choose a Chinese TrueType font</source>
        <translation>选择中文 TrueType 字体</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc);;All files (*)</source>
        <translation>TrueType 字体 (*.ttf *.ttc);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Loading data…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>Generating the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>%1 pages ready.</source>
        <translation>已生成 %1 页。</translation>
    </message>
    <message>
        <source>Text in Tibetan script was printed without a Tibetan font: install fonts-tibetan-machine.</source>
        <translation>藏文内容未使用藏文字体打印：请安装 fonts-tibetan-machine。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The font file %1 does not exist. Choose another font file, or press Default to use the system&apos;s Chinese font.</source>
        <translation>字体文件 %1 不存在。请选择其他字体文件，或点击“默认”使用系统中文字体。</translation>
    </message>
    <message>
        <source>The font file %1 cannot be used for printing. Choose a TrueType Chinese font (.ttf or .ttc), such as wqy-zenhei.ttc, msyh.ttc or simsun.ttc.</source>
        <translation>字体文件 %1 无法用于打印。请选择 TrueType 中文字体（.ttf 或 .ttc），例如 wqy-zenhei.ttc、msyh.ttc 或 simsun.ttc。</translation>
    </message>
    <message>
        <source>No Chinese TrueType font was found for printing. Install the fonts-wqy-zenhei package (Linux) or choose a font file such as msyh.ttc or simsun.ttc with Choose… below.</source>
        <translation>未找到可用于打印的中文 TrueType 字体。请安装 fonts-wqy-zenhei 软件包（Linux），或点击下方“选择…”指定 msyh.ttc、simsun.ttc 等字体文件。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>%1 pages sent to the printer.</source>
        <translation>已向打印机发送 %1 页。</translation>
    </message>
</context>
<context>
    <name>ReleasedDutiesDialog</name>
    <message>
        <source>Duties in this time</source>
        <translation>期间的排班</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Release them to open the places again (you can undo it), or keep them: the planner then shows each in red.</source>
        <translation>释放后这些岗位重新空出（可撤销）；也可以保留，排班表会把它们标成红色。</translation>
    </message>
    <message>
        <source>Release these duties</source>
        <translation>释放这些排班</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Fill the places…</source>
        <translation>填补空位…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Saved. The duties are kept; the planner shows them in red.</source>
        <translation>已保存。排班已保留，排班表中标为红色。</translation>
    </message>
    <message numerus="yes">
        <source>Saved, and %n duty(ies) released: their places are open again.</source>
        <translation>
            <numerusform>已保存，并释放了 %n 个排班，岗位已重新空出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>未保存任何内容：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n duty(ies) given back. The leave or departure stays recorded.</source>
        <translation>
            <numerusform>已归还 %n 个排班。请假或离队记录仍然保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not given back: %1</source>
        <translation>未能归还：%1</translation>
    </message>
    <message>
        <source>%1 is unavailable from %2 to %3 but holds these duties:</source>
        <translation>%1 在 %2 至 %3 不可用，但仍有以下排班：</translation>
    </message>
    <message>
        <source>The leave of %1 from %2 to %3 covers these duties they hold:</source>
        <translation>%1 在 %2 至 %3 请假，期间仍有以下排班：</translation>
    </message>
    <message>
        <source>%1 will be marked as left after %2, but still hold these duties:</source>
        <translation>%1 将于 %2 之后离队，但仍有以下排班：</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>New resident request</source>
        <translation>收单：登记居民诉求</translation>
    </message>
    <message>
        <source>Edit request %1</source>
        <translation>修改诉求 %1</translation>
    </message>
    <message>
        <source>e.g. 香雪佳园 3栋2单元</source>
        <translation>例如：香雪佳园 3栋2单元</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>（不清楚）</translation>
    </message>
    <message>
        <source>What the resident asks for, where, since when</source>
        <translation>居民反映的问题、地点、持续多久</translation>
    </message>
    <message>
        <source>Resident *</source>
        <translation>居民姓名 *</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Building or compound</source>
        <translation>楼栋/小区</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>所属网格</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>诉求类别</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>诉求来源</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>收单时间</translation>
    </message>
    <message>
        <source>Request *</source>
        <translation>诉求内容 *</translation>
    </message>
    <message>
        <source>request %1</source>
        <translation>诉求 %1</translation>
    </message>
    <message>
        <source>the new request</source>
        <translation>新诉求</translation>
    </message>
    <message>
        <source>Request %1, received %2 (%3), has the same phone, category and request text.
Take this one in as well?</source>
        <translation>第%1号诉求（%2收单，%3）的电话、类别和内容与本次相同。
是否重复收单？</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>可能重复收单</translation>
    </message>
</context>
<context>
    <name>Requests</name>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Safety hazard</source>
        <translation>安全隐患</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>矛盾纠纷</translation>
    </message>
    <message>
        <source>Elderly or child care</source>
        <translation>一老一小</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境卫生</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Building chat group</source>
        <translation>楼栋群</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>Registration point</source>
        <translation>登记点</translation>
    </message>
    <message>
        <source>Low (7 days)</source>
        <translation>低（7天内）</translation>
    </message>
    <message>
        <source>Normal (3 days)</source>
        <translation>一般（3天内）</translation>
    </message>
    <message>
        <source>Urgent (24 hours)</source>
        <translation>紧急（24小时内）</translation>
    </message>
    <message>
        <source>Emergency (2 hours)</source>
        <translation>特急（2小时内）</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收单</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>已回访</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Dispatch…</source>
        <translation>派单…</translation>
    </message>
    <message>
        <source>Work started</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>办结…</translation>
    </message>
    <message>
        <source>Follow-up…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <source>Cancel request…</source>
        <translation>取消诉求…</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>居民姓名</translation>
    </message>
    <message>
        <source>Resident&apos;s phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Building or compound</source>
        <translation>楼栋/小区</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>诉求类别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>诉求来源</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>收单时间</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>到岗时间</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>离岗时间</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>核实人</translation>
    </message>
    <message>
        <source>is not a known category</source>
        <translation>不是有效的诉求类别</translation>
    </message>
    <message>
        <source>is not a known source</source>
        <translation>不是有效的诉求来源</translation>
    </message>
    <message>
        <source>is not a known urgency</source>
        <translation>不是有效的紧急程度</translation>
    </message>
    <message>
        <source>is not a known status</source>
        <translation>不是有效的状态</translation>
    </message>
    <message>
        <source>must be from 1 to 5</source>
        <translation>须为 1 到 5</translation>
    </message>
    <message>
        <source>does not apply to this step</source>
        <translation>不适用于这一环节</translation>
    </message>
    <message>
        <source>must be chosen to record hours (dispatch to a volunteer first)</source>
        <translation>须先指定志愿者才能记录时长（请先派给具体志愿者）</translation>
    </message>
    <message>
        <source>names no volunteer</source>
        <translation>找不到这名志愿者</translation>
    </message>
    <message>
        <source>names several volunteers</source>
        <translation>对应多名志愿者</translation>
    </message>
    <message>
        <source>has left and cannot be sent</source>
        <translation>已离队，不能派单</translation>
    </message>
    <message>
        <source>lies in the future</source>
        <translation>晚于当前时间</translation>
    </message>
    <message>
        <source>is before the previous step</source>
        <translation>早于上一环节的时间</translation>
    </message>
    <message>
        <source>is after the request was dispatched or taken up</source>
        <translation>晚于派单或接单时间</translation>
    </message>
    <message>
        <source>must be a positive number of hours</source>
        <translation>须为大于 0 的小时数</translation>
    </message>
    <message>
        <source>is more than 24 hours</source>
        <translation>超过 24 小时</translation>
    </message>
    <message>
        <source>is too far from the shift&apos;s planned times</source>
        <translation>与班次计划时间相差太远</translation>
    </message>
    <message>
        <source>is not after the arrival</source>
        <translation>须晚于到岗时间</translation>
    </message>
    <message>
        <source>is not a month</source>
        <translation>不是有效的月份</translation>
    </message>
    <message>
        <source>The request was not found.</source>
        <translation>找不到这件诉求。</translation>
    </message>
    <message>
        <source>The request is settled (“%1”); only open requests can be edited.</source>
        <translation>该诉求已办结(“%1”),只能修改未办结的诉求。</translation>
    </message>
    <message>
        <source>The request is “%1” and cannot become “%2”. Someone may have changed it meanwhile; the list has been reloaded.</source>
        <translation>这件诉求当前为“%1”，不能变为“%2”。可能有人刚刚修改过；列表已刷新。</translation>
    </message>
    <message>
        <source>The shift was not found; it may have been deleted meanwhile.</source>
        <translation>找不到这个班次，可能已被删除。</translation>
    </message>
    <message>
        <source>A volunteer is no longer on this shift; reload and try again.</source>
        <translation>有志愿者已不在这个班次上，请刷新后重试。</translation>
    </message>
    <message>
        <source>A volunteer&apos;s duty on this shift was cancelled meanwhile; reload and try again.</source>
        <translation>有志愿者在这个班次的安排已被取消，请刷新后重试。</translation>
    </message>
    <message>
        <source>A volunteer&apos;s duty is already completed; record the times of departure instead.</source>
        <translation>该志愿者的勤务已完成，请改为填写离岗时间。</translation>
    </message>
    <message>
        <source>The hours entry was not found.</source>
        <translation>找不到这条时长记录。</translation>
    </message>
    <message>
        <source>The hours entry was already corrected; correct the newest entry.</source>
        <translation>这条时长记录已被更正过，请更正最新的一条。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Captain</source>
        <translation>队长</translation>
    </message>
    <message>
        <source>Deputy captain</source>
        <translation>副队长</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>队员</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>您的角色不能进行此操作。</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>排班</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>诉求</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>服务时长</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Connect to a server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.10 or server-pc</source>
        <translation>例如 192.168.1.10 或 server-pc</translation>
    </message>
    <message>
        <source>one database per community, e.g. volunteer_hx</source>
        <translation>每个社区一个数据库，例如 volunteer_hx</translation>
    </message>
    <message>
        <source>Off (only inside the office network)</source>
        <translation>关闭（仅限办公室内网）</translation>
    </message>
    <message>
        <source>Use when the server offers it</source>
        <translation>服务器支持时使用</translation>
    </message>
    <message>
        <source>Required (encrypted)</source>
        <translation>必须加密</translation>
    </message>
    <message>
        <source>Required, and check the server&apos;s certificate</source>
        <translation>必须加密并验证服务器证书</translation>
    </message>
    <message>
        <source>Server (host)</source>
        <translation>服务器（主机）</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Encryption (TLS)</source>
        <translation>加密（TLS）</translation>
    </message>
    <message>
        <source>The password is kept in this computer&apos;s credential store, never in the settings file.</source>
        <translation>密码保存在本机的凭据管理器中，绝不写入设置文件。</translation>
    </message>
    <message>
        <source>This computer has no credential store: the password is not kept. Put it in the PostgreSQL password file (on Windows %APPDATA%\postgresql\pgpass.conf) so the next start connects.</source>
        <translation>本机没有可用的凭据管理器：密码不会被保存。请把它写入 PostgreSQL 密码文件（Windows 上为 %APPDATA%\postgresql\pgpass.conf），下次启动才能自动连接。</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or address (no spaces, “/” or “@”).</source>
        <translation>请输入服务器的名称或地址（不能含空格、“/”或“@”）。</translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535 (PostgreSQL uses 5432).</source>
        <translation>端口须为 1 到 65535 之间的数字（PostgreSQL 默认 5432）。</translation>
    </message>
    <message>
        <source>Enter the name of the community&apos;s database.</source>
        <translation>请输入本社区数据库的名称。</translation>
    </message>
    <message>
        <source>Enter the database user.</source>
        <translation>请输入数据库用户名。</translation>
    </message>
    <message>
        <source>Choose an encryption mode.</source>
        <translation>请选择加密方式。</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>The community&apos;s data is there and up to date.</source>
        <translation>社区数据已在其中，且为最新版本。</translation>
    </message>
    <message>
        <source>The database is empty: connecting creates the tables.</source>
        <translation>数据库是空的：连接时将创建数据表。</translation>
    </message>
    <message>
        <source>The data was made by an older version: connecting upgrades it (back it up first).</source>
        <translation>数据由旧版本创建：连接时将升级（请先备份）。</translation>
    </message>
    <message>
        <source>The data was written by a newer version of this application: update the application on this PC first.</source>
        <translation>数据由本软件的较新版本写入：请先在本机更新软件。</translation>
    </message>
    <message>
        <source>The database holds tables of another program: this application will not use it.</source>
        <translation>数据库中有其他程序的数据表：本软件不会使用它。</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1.</source>
        <translation>连接成功：PostgreSQL %1。</translation>
    </message>
    <message>
        <source>The server refused the user or password (or does not accept this computer; see pg_hba.conf).</source>
        <translation>服务器拒绝了用户名或密码（或不接受本机连接，请检查 pg_hba.conf）。</translation>
    </message>
    <message>
        <source>The server cannot be reached: check the address and port, that PostgreSQL runs, and that the firewall lets port 5432 through.</source>
        <translation>无法连接到服务器：请检查地址和端口、PostgreSQL 是否在运行，以及防火墙是否放行 5432 端口。</translation>
    </message>
    <message>
        <source>The server has no database of that name.</source>
        <translation>服务器上没有这个名称的数据库。</translation>
    </message>
    <message>
        <source>The encrypted connection failed: the server does not offer the chosen encryption, or its certificate does not check out.</source>
        <translation>加密连接失败：服务器不支持所选加密方式，或其证书验证未通过。</translation>
    </message>
    <message>
        <source>The connection failed. Check the details and try again.</source>
        <translation>连接失败。请检查填写的信息后重试。</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区信息</translation>
    </message>
    <message>
        <source>e.g. 周一至周五 9:00-12:30, 15:30-18:00</source>
        <translation>例如：周一至周五 9:00-12:30, 15:30-18:00</translation>
    </message>
    <message>
        <source>Community name *</source>
        <translation>社区名称 *</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Service hall phone</source>
        <translation>便民服务大厅电话</translation>
    </message>
    <message>
        <source>Service hall hours</source>
        <translation>便民服务大厅办公时间</translation>
    </message>
    <message>
        <source>Save community details</source>
        <translation>保存社区信息</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机设置</translation>
    </message>
    <message>
        <source>Name of the clerk at this computer</source>
        <translation>使用本机的工作人员姓名</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4（210 × 297 毫米）</translation>
    </message>
    <message>
        <source>A3 (297 × 420 mm)</source>
        <translation>A3（297 × 420 毫米）</translation>
    </message>
    <message>
        <source>US Letter (8.5 × 11 in)</source>
        <translation>美式信纸 Letter（8.5 × 11 英寸）</translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Default paper size</source>
        <translation>默认纸张</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <source>Create a new database…</source>
        <translation>新建数据库…</translation>
    </message>
    <message>
        <source>Connect to a server…</source>
        <translation>连接服务器…</translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation>备份…</translation>
    </message>
    <message>
        <source>The registers, plans and requests are kept in this file. Back it up regularly, e.g. to a USB stick.</source>
        <translation>名册、排班和诉求都保存在这个文件中。请定期备份，例如备份到 U 盘。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not saved: please correct the fields marked.</source>
        <translation>未保存：请修改标出的内容。</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>New team</source>
        <translation>新建队伍</translation>
    </message>
    <message>
        <source>Edit team</source>
        <translation>编辑队伍</translation>
    </message>
    <message>
        <source>(none: a top-level team)</source>
        <translation>（无：一级队伍）</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Parent team</source>
        <translation>上级队伍</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>team “%1”</source>
        <translation>队伍“%1”</translation>
    </message>
    <message>
        <source>the new team</source>
        <translation>新队伍</translation>
    </message>
    <message>
        <source>Team colour</source>
        <translation>队伍颜色</translation>
    </message>
</context>
<context>
    <name>TeamKinds</name>
    <message>
        <source>Patrol</source>
        <translation>巡逻</translation>
    </message>
    <message>
        <source>Civility persuasion</source>
        <translation>文明劝导</translation>
    </message>
    <message>
        <source>Publicity</source>
        <translation>宣传</translation>
    </message>
    <message>
        <source>Environment cleanup</source>
        <translation>环境整治</translation>
    </message>
    <message>
        <source>Riders and couriers</source>
        <translation>骑手与快递员</translation>
    </message>
    <message>
        <source>Other / umbrella</source>
        <translation>其他／总队</translation>
    </message>
</context>
<context>
    <name>TeamLeadsDialog</name>
    <message>
        <source>Reminder lead times per team</source>
        <translation>各队伍的提醒提前时间</translation>
    </message>
    <message>
        <source>Leave a team empty to use the default (%1). Write lead times like 24h, 2h or 90m.</source>
        <translation>留空则使用默认值（%1）。提前时间写成 24h、2h 或 90m 的形式。</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Lead times</source>
        <translation>提前时间</translation>
    </message>
    <message>
        <source>the reminder lead times per team</source>
        <translation>各队伍的提醒提前时间</translation>
    </message>
    <message>
        <source>%1: “%2” is not a list of lead times like 24h, 2h</source>
        <translation>%1：“%2”不是有效的提前时间（例如 24h, 2h）</translation>
    </message>
</context>
<context>
    <name>TeamsView</name>
    <message>
        <source>Teams</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Captain</source>
        <translation>队长</translation>
    </message>
    <message>
        <source>New team…</source>
        <translation>新建队伍…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>入队日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add members…</source>
        <translation>添加队员…</translation>
    </message>
    <message>
        <source>Make captain</source>
        <translation>设为队长</translation>
    </message>
    <message>
        <source>Make deputy</source>
        <translation>设为副队长</translation>
    </message>
    <message>
        <source>Make plain member</source>
        <translation>设为队员</translation>
    </message>
    <message>
        <source>Remove from team…</source>
        <translation>移出队伍…</translation>
    </message>
    <message>
        <source>No team yet</source>
        <translation>还没有队伍</translation>
    </message>
    <message>
        <source>Create the umbrella team first, then its branch teams.</source>
        <translation>请先建立志愿服务总队，再建立各分队。</translation>
    </message>
    <message>
        <source>branch of %1</source>
        <translation>隶属于 %1</translation>
    </message>
    <message>
        <source>captain: %1 %2</source>
        <translation>队长：%1 %2</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已离开</translation>
    </message>
    <message>
        <source>Delete team</source>
        <translation>删除队伍</translation>
    </message>
    <message>
        <source>Delete the team %1? Only a team without members and branch teams can be deleted.</source>
        <translation>删除队伍“%1”？只有没有队员和下属分队的队伍才能删除。</translation>
    </message>
    <message>
        <source>Remove from team</source>
        <translation>移出队伍</translation>
    </message>
    <message>
        <source>Remove %1 from %2? They stay in the volunteer register.</source>
        <translation>把 %1 移出“%2”？他们仍保留在志愿者名册中。</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Recurring duty templates</source>
        <translation>周期性任务模板</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>需要人数</translation>
    </message>
    <message>
        <source>Also on statutory holidays</source>
        <translation>法定节假日也安排</translation>
    </message>
    <message>
        <source>Make-up working days count as weekdays</source>
        <translation>调休上班日按工作日安排</translation>
    </message>
    <message>
        <source>Active (used when generating)</source>
        <translation>启用(生成班次时使用)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Duty type</source>
        <translation>任务类型</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>People needed</source>
        <translation>需要人数</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>(无队伍)</translation>
    </message>
    <message>
        <source>(no grid)</source>
        <translation>(无网格)</translation>
    </message>
    <message>
        <source>Also limited to: %1</source>
        <translation>另有限制:%1</translation>
    </message>
    <message>
        <source>duty template “%1”</source>
        <translation>值班模板“%1”</translation>
    </message>
    <message>
        <source>the new duty template</source>
        <translation>新值班模板</translation>
    </message>
    <message>
        <source>Tick at least one day.</source>
        <translation>请至少勾选一天。</translation>
    </message>
    <message>
        <source>Saved. “Generate from templates” creates the shifts.</source>
        <translation>已保存。点“按模板生成班次”即可生成班次。</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Reminders for today and tomorrow</source>
        <translation>今明两天的值班提醒</translation>
    </message>
    <message>
        <source>Remind at</source>
        <translation>提醒时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>值班</translation>
    </message>
    <message>
        <source>Text for the building chat group</source>
        <translation>楼栋群通知文本</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>复制为文本</translation>
    </message>
    <message>
        <source>%1, updated %2</source>
        <translation>%1，%2 更新</translation>
    </message>
    <message>
        <source>Today&apos;s duties could not be loaded: %1</source>
        <translation>无法加载今日值班：%1</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明日</translation>
    </message>
    <message>
        <source>dddd, MMMM d</source>
        <translation>M月d日 dddd</translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message numerus="yes">
        <source>%n duty(s)</source>
        <translation>
            <numerusform>%n个班次</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminded</source>
        <translation>已提醒</translation>
    </message>
    <message>
        <source>Due later</source>
        <translation>待提醒</translation>
    </message>
    <message>
        <source>%1 reminded, %2 still to come.</source>
        <translation>已提醒%1条，还有%2条待提醒。</translation>
    </message>
    <message>
        <source>%1 (next day)</source>
        <translation>次日%1</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) open</source>
        <translation>
            <numerusform>缺%n人</numerusform>
        </translation>
    </message>
    <message>
        <source>every place filled</source>
        <translation>均已排满</translation>
    </message>
    <message>
        <source>Today: %1, %2 on duty, %3.</source>
        <translation>今日：%1，%2人在岗，%3。</translation>
    </message>
    <message>
        <source>Tomorrow: %1, %2 on duty, %3.</source>
        <translation>明日：%1，%2人在岗，%3。</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) before the duty</source>
        <translation>
            <numerusform>值班前%n分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Duty reminders are switched off in Settings.</source>
        <translation>值班提醒已在设置中关闭。</translation>
    </message>
    <message>
        <source>No reminders are due today or tomorrow.</source>
        <translation>今明两天没有值班提醒。</translation>
    </message>
    <message>
        <source>Background jobs are not running in this window: reminders are made when the app runs them.</source>
        <translation>此窗口未运行后台任务：提醒在程序运行任务时生成。</translation>
    </message>
    <message>
        <source>Duty reminders are switched off.</source>
        <translation>值班提醒已关闭。</translation>
    </message>
    <message>
        <source>Reminders are on; next check at %1.</source>
        <translation>提醒已开启，下次检查时间 %1。</translation>
    </message>
    <message>
        <source>Reminders are on.</source>
        <translation>提醒已开启。</translation>
    </message>
    <message numerus="yes">
        <source>%n selected duty(s).</source>
        <translation>
            <numerusform>已选%n个班次。</numerusform>
        </translation>
    </message>
    <message>
        <source>All of tomorrow&apos;s duties; select rows to copy only those.</source>
        <translation>明日全部班次；选中若干行可只复制这些班次。</translation>
    </message>
    <message>
        <source>Today&apos;s remaining duties; select rows to copy only those.</source>
        <translation>今日剩余班次；选中若干行可只复制这些班次。</translation>
    </message>
    <message>
        <source>No duties left today or tomorrow.</source>
        <translation>今明两天没有待进行的班次。</translation>
    </message>
    <message>
        <source>Copied. Paste it into the building chat group.</source>
        <translation>已复制，请粘贴到楼栋群。</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>Request %1: %2</source>
        <translation>诉求 %1：%2</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>measure from “work started”</source>
        <translation>按“开始处理”起算</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>Hours of %1</source>
        <translation>%1 的服务时长</translation>
    </message>
    <message>
        <source>very unsatisfied</source>
        <translation>很不满意</translation>
    </message>
    <message>
        <source>unsatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>very satisfied</source>
        <translation>很满意</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>回访意见</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>取消原因 *</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>the step “%1” of request %2</source>
        <translation>诉求 %2 的“%1”步骤</translation>
    </message>
</context>
<context>
    <name>VerifyMonthDialog</name>
    <message>
        <source>Verify a month</source>
        <translation>按月核实</translation>
    </message>
    <message>
        <source>The captain or coordinator confirms the month&apos;s hours: every entry still awaiting verification is marked verified and then counts in reports.</source>
        <translation>由队长或协调员确认本月时长：所有待核实的记录将标为已核实，之后计入报表。</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部队伍</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Verified by *</source>
        <translation>核实人 *</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>核实</translation>
    </message>
    <message>
        <source>Your role may not verify hours.</source>
        <translation>您的角色不能核实时长。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries await verification.</source>
        <translation>
            <numerusform>共有 %n 条记录待核实。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing awaits verification in this month.</source>
        <translation>本月没有待核实的记录。</translation>
    </message>
</context>
<context>
    <name>VolunteerDetailPanel</name>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Party household</source>
        <translation>党员中心户</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业/单位</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>所在队伍</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Select a volunteer to see the details.</source>
        <translation>选择一名志愿者以查看详细信息。</translation>
    </message>
    <message numerus="yes">
        <source>%n volunteers selected.</source>
        <translation>
            <numerusform>已选择 %n 名志愿者。</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Left on %1</source>
        <translation>%1 离开</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <source>Add volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <source>Edit volunteer</source>
        <translation>编辑志愿者</translation>
    </message>
    <message>
        <source>e.g. 张三 or 格桑·伦珠</source>
        <translation>例如：张三、格桑·伦珠</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>11 digits, e.g. 13800138000</source>
        <translation>11 位数字，例如 13800138000</translation>
    </message>
    <message>
        <source>18 characters (optional)</source>
        <translation>18 位（选填）</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the full ID number (recorded in the audit log)</source>
        <translation>显示完整身份证号（将记入操作日志）</translation>
    </message>
    <message>
        <source>Party-member central household (党员中心户)</source>
        <translation>党员中心户</translation>
    </message>
    <message>
        <source>e.g. delivery rider at 美团外卖</source>
        <translation>例如：美团外卖骑手</translation>
    </message>
    <message>
        <source>e.g. first aid, Tibetan-Chinese interpreting</source>
        <translation>例如：急救、藏汉双语</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Mobile phone *</source>
        <translation>手机号 *</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Occupation / employer</source>
        <translation>职业/单位</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>特长</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Teams (tick the teams the volunteer serves in)</source>
        <translation>所在队伍（勾选志愿者参加的队伍）</translation>
    </message>
    <message>
        <source>Availability and leave…</source>
        <translation>可服务时间与请假…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>(no grid)</source>
        <translation>（未分配网格）</translation>
    </message>
    <message>
        <source>This volunteer left on %1.</source>
        <translation>该志愿者已于 %1 离开。</translation>
    </message>
    <message>
        <source>Fields marked * are required.</source>
        <translation>带 * 的为必填项。</translation>
    </message>
    <message>
        <source>volunteer “%1”</source>
        <translation>志愿者“%1”</translation>
    </message>
    <message>
        <source>the new volunteer “%1”</source>
        <translation>新志愿者“%1”</translation>
    </message>
    <message>
        <source>the new volunteer</source>
        <translation>新志愿者</translation>
    </message>
    <message>
        <source>This computer does not have the key of this database, so the full ID number cannot be shown (the last four characters can). An administrator exports the key on a computer that has it and imports it here.</source>
        <translation>本机没有此数据库的密钥，无法显示完整身份证号（只能显示后四位）。请管理员在有密钥的电脑上导出密钥，再在本机导入。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>VolunteersModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>所在队伍</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>政治面貌</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>加入日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>Party-member central household</source>
        <translation>党员中心户</translation>
    </message>
    <message>
        <source> (already a member)</source>
        <translation>（已在队中）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已离开</translation>
    </message>
</context>
<context>
    <name>VolunteersView</name>
    <message>
        <source>Volunteers</source>
        <translation>志愿者</translation>
    </message>
    <message>
        <source>Search name, pinyin, initials (zs = 张三) or phone digits</source>
        <translation>搜索姓名、拼音、首字母（如 zs = 张三）或手机号</translation>
    </message>
    <message>
        <source>Active volunteers</source>
        <translation>在册志愿者</translation>
    </message>
    <message>
        <source>Volunteers who left</source>
        <translation>已离开的志愿者</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>队伍</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Add volunteer</source>
        <translation>新增志愿者</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Mark as left…</source>
        <translation>标记离开…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复在册</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Availability and leave…</source>
        <translation>可服务时间与请假…</translation>
    </message>
    <message>
        <source>Weekly availability, leave and duty limits of the selected volunteer</source>
        <translation>所选志愿者的每周可服务时间、请假和值班上限</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部队伍</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message numerus="yes">
        <source>%n volunteer(s) shown</source>
        <translation>
            <numerusform>共 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete volunteer</source>
        <translation>删除志愿者</translation>
    </message>
    <message>
        <source>%1 has a service history (duties, hours or requests) and cannot be deleted. Use “Mark as left” instead.</source>
        <translation>%1 有服务记录（排班、时长或诉求），不能删除。请改用“标记离开”。</translation>
    </message>
    <message>
        <source>Delete %1 (%2) from the register for good?

This cannot be undone. If the volunteer only stopped serving, use “Mark as left”.</source>
        <translation>从名册中永久删除 %1（%2）？

此操作不能撤销。如果该志愿者只是不再参加服务，请使用“标记离开”。</translation>
    </message>
    <message>
        <source>Copy mobile numbers</source>
        <translation>复制手机号</translation>
    </message>
</context>
<context>
    <name>WeekModel</name>
    <message>
        <source>on leave</source>
        <translation>在请假</translation>
    </message>
    <message>
        <source>unavailable that day</source>
        <translation>当天不可用</translation>
    </message>
    <message>
        <source>has left</source>
        <translation>已离队</translation>
    </message>
    <message>
        <source>(no team / place)</source>
        <translation>(无队伍)</translation>
    </message>
    <message>
        <source>(no grid / place)</source>
        <translation>(无网格)</translation>
    </message>
    <message>
        <source>%1 of %2 places filled</source>
        <translation>已排 %1/%2 人</translation>
    </message>
    <message>
        <source>※ outside the times they offered</source>
        <translation>※ 不在其可服务时间</translation>
    </message>
    <message>
        <source>Release the duty or find someone else (the candidates list).</source>
        <translation>请释放该排班或另找人（候选名单）。</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Statutory holiday: %1</source>
        <translation>法定节假日:%1</translation>
    </message>
    <message>
        <source>Make-up working day: counts as a weekday</source>
        <translation>调休上班日:按工作日排班</translation>
    </message>
</context>
</TS>
