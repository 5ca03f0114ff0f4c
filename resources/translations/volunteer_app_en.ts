<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AccountMenu</name>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation>&amp;Change my password…</translation>
    </message>
    <message>
        <source>&amp;Switch operator…</source>
        <translation>&amp;Switch operator…</translation>
    </message>
    <message>
        <source>Operator: %1 (%2)</source>
        <translation>Operator: %1 (%2)</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>Your password was changed.</translation>
    </message>
    <message>
        <source>Switch operator</source>
        <translation>Switch operator</translation>
    </message>
    <message>
        <source>Now working as %1.</source>
        <translation>Now working as %1.</translation>
    </message>
</context>
<context>
    <name>AuditNames</name>
    <message>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Settings, operators and hours ledger</source>
        <translation>Settings, operators and hours ledger</translation>
    </message>
    <message>
        <source>Scheduled job</source>
        <translation>Scheduled job</translation>
    </message>
    <message>
        <source>Duty assignment</source>
        <translation>Duty assignment</translation>
    </message>
    <message>
        <source>Auto-fill batch</source>
        <translation>Auto-fill batch</translation>
    </message>
    <message>
        <source>Auto-fill assignment</source>
        <translation>Auto-fill assignment</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Availability</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>Shift generation</source>
        <translation>Shift generation</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>Hours entry</source>
        <translation>Hours entry</translation>
    </message>
    <message>
        <source>Job setting</source>
        <translation>Job setting</translation>
    </message>
    <message>
        <source>Team membership</source>
        <translation>Team membership</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Request event</source>
        <translation>Request event</translation>
    </message>
    <message>
        <source>Resident request</source>
        <translation>Resident request</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Skipped shift</source>
        <translation>Skipped shift</translation>
    </message>
    <message>
        <source>Shift template</source>
        <translation>Shift template</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>Duty limits</source>
        <translation>Duty limits</translation>
    </message>
    <message>
        <source>Record ids</source>
        <translation>Record ids</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>Next run</translation>
    </message>
    <message>
        <source>Job state</source>
        <translation>Job state</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Actual start</source>
        <translation>Actual start</translation>
    </message>
    <message>
        <source>Actual end</source>
        <translation>Actual end</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>Override reason</translation>
    </message>
    <message>
        <source>Overridden</source>
        <translation>Overridden</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>Created at</translation>
    </message>
    <message>
        <source>Confirmed at</source>
        <translation>Confirmed at</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>Needed</translation>
    </message>
    <message>
        <source>Filled before</source>
        <translation>Filled before</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Seconds</translation>
    </message>
    <message>
        <source>Minimum rest (minutes)</source>
        <translation>Minimum rest (minutes)</translation>
    </message>
    <message>
        <source>Undone at</source>
        <translation>Undone at</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Service hall phone</source>
        <translation>Service hall phone</translation>
    </message>
    <message>
        <source>Service hall hours</source>
        <translation>Service hall hours</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Grid leader</source>
        <translation>Grid leader</translation>
    </message>
    <message>
        <source>Grid leader&apos;s phone</source>
        <translation>Grid leader&apos;s phone</translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation>Grid worker</translation>
    </message>
    <message>
        <source>Grid worker&apos;s phone</source>
        <translation>Grid worker&apos;s phone</translation>
    </message>
    <message>
        <source>Police officer</source>
        <translation>Police officer</translation>
    </message>
    <message>
        <source>Police officer&apos;s phone</source>
        <translation>Police officer&apos;s phone</translation>
    </message>
    <message>
        <source>Instructor</source>
        <translation>Instructor</translation>
    </message>
    <message>
        <source>Instructor&apos;s phone</source>
        <translation>Instructor&apos;s phone</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Corrects entry</source>
        <translation>Corrects entry</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <source>Verified at</source>
        <translation>Verified at</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>Verified by</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Updated at</source>
        <translation>Updated at</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Failed logins</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>From status</source>
        <translation>From status</translation>
    </message>
    <message>
        <source>To status</source>
        <translation>To status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Resident&apos;s phone</source>
        <translation>Resident&apos;s phone</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>Dispatched at</source>
        <translation>Dispatched at</translation>
    </message>
    <message>
        <source>Accepted at</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <source>Started at</source>
        <translation>Started at</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>Done at</translation>
    </message>
    <message>
        <source>Followed up at</source>
        <translation>Followed up at</translation>
    </message>
    <message>
        <source>Cancelled at</source>
        <translation>Cancelled at</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Follow-up remark</source>
        <translation>Follow-up remark</translation>
    </message>
    <message>
        <source>Cancel reason</source>
        <translation>Cancel reason</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Duty type</source>
        <translation>Duty type</translation>
    </message>
    <message>
        <source>Edited by hand</source>
        <translation>Edited by hand</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Original date</source>
        <translation>Original date</translation>
    </message>
    <message>
        <source>Days of week</source>
        <translation>Days of week</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>On holidays</source>
        <translation>On holidays</translation>
    </message>
    <message>
        <source>Make-up workdays as weekdays</source>
        <translation>Make-up workdays as weekdays</translation>
    </message>
    <message>
        <source>Parent team</source>
        <translation>Parent team</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>Political status</translation>
    </message>
    <message>
        <source>Party household</source>
        <translation>Party household</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>Joined on</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Left on</translation>
    </message>
    <message>
        <source>Sort key</source>
        <translation>Sort key</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>Search text</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Most per week</source>
        <translation>Most per week</translation>
    </message>
    <message>
        <source>Most per day</source>
        <translation>Most per day</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <source>Replaced a wrong key</source>
        <translation>Replaced a wrong key</translation>
    </message>
    <message>
        <source>Earlier entries chained</source>
        <translation>Earlier entries chained</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Statutory holiday</source>
        <translation>Statutory holiday</translation>
    </message>
    <message>
        <source>Make-up workday</source>
        <translation>Make-up workday</translation>
    </message>
    <message>
        <source>Official holiday calendar</source>
        <translation>Official holiday calendar</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>Entered by hand</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Unavailable</translation>
    </message>
    <message>
        <source>Generated from templates</source>
        <translation>Generated from templates</translation>
    </message>
    <message>
        <source>Copied from the week before</source>
        <translation>Copied from the week before</translation>
    </message>
    <message>
        <source>Assigned by hand</source>
        <translation>Assigned by hand</translation>
    </message>
    <message>
        <source>Copied from another week</source>
        <translation>Copied from another week</translation>
    </message>
    <message>
        <source>Auto-fill</source>
        <translation>Auto-fill</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Accounts switched on</source>
        <translation>Accounts switched on</translation>
    </message>
    <message>
        <source>Accounts switched off</source>
        <translation>Accounts switched off</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>Account unlocked</translation>
    </message>
    <message>
        <source>Protected records recorded</source>
        <translation>Protected records recorded</translation>
    </message>
    <message>
        <source>Audit chain started</source>
        <translation>Audit chain started</translation>
    </message>
    <message>
        <source>Database key exported</source>
        <translation>Database key exported</translation>
    </message>
    <message>
        <source>Full ID number shown</source>
        <translation>Full ID number shown</translation>
    </message>
    <message>
        <source>Database key imported</source>
        <translation>Database key imported</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>any operator</source>
        <translation>any operator</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>All records</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Changes (old → new)</source>
        <translation>Changes (old → new)</translation>
    </message>
    <message numerus="yes">
        <source>%n records</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message>
        <source>The newest %1 entries; narrow the filters to see older ones.</source>
        <translation>The newest %1 entries; narrow the filters to see older ones.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AutofillDialog</name>
    <message>
        <source>Auto-fill the roster</source>
        <translation>Auto-fill the roster</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Allow placing volunteers outside the times they offered</source>
        <translation>Allow placing volunteers outside the times they offered</translation>
    </message>
    <message>
        <source>Propose again</source>
        <translation>Propose again</translation>
    </message>
    <message>
        <source>Search at most</source>
        <translation>Search at most</translation>
    </message>
    <message>
        <source>Minimum rest between duties</source>
        <translation>Minimum rest between duties</translation>
    </message>
    <message>
        <source>Stop and keep the best so far</source>
        <translation>Stop and keep the best so far</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Show only what the fill changes</source>
        <translation>Show only what the fill changes</translation>
    </message>
    <message>
        <source>Empty places</source>
        <translation>Empty places</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Proposed roster</source>
        <translation>Proposed roster</translation>
    </message>
    <message>
        <source>Left empty</source>
        <translation>Left empty</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Write every proposed assignment at once; the whole fill can be undone later.</source>
        <translation>Write every proposed assignment at once; the whole fill can be undone later.</translation>
    </message>
    <message>
        <source>Undo this fill</source>
        <translation>Undo this fill</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Close without writing anything.</source>
        <translation>Close without writing anything.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Week %1 of %2 (%3 to %4)</source>
        <translation>Week %1 of %2 (%3 to %4)</translation>
    </message>
    <message>
        <source>team %1</source>
        <translation>team %1</translation>
    </message>
    <message>
        <source>grid %1</source>
        <translation>grid %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Reading the week…</source>
        <translation>Reading the week…</translation>
    </message>
    <message>
        <source>Reading the week&apos;s duties, volunteers and their availability…</source>
        <translation>Reading the week&apos;s duties, volunteers and their availability…</translation>
    </message>
    <message>
        <source>Searching for the fairest fill. You can stop at any time and keep the best proposal found so far.</source>
        <translation>Searching for the fairest fill. You can stop at any time and keep the best proposal found so far.</translation>
    </message>
    <message>
        <source>Stopping; keeping the best proposal so far…</source>
        <translation>Stopping; keeping the best proposal so far…</translation>
    </message>
    <message>
        <source>Making a first fill…</source>
        <translation>Making a first fill…</translation>
    </message>
    <message>
        <source>Filling as many places as possible…</source>
        <translation>Filling as many places as possible…</translation>
    </message>
    <message>
        <source>Balancing the load between volunteers…</source>
        <translation>Balancing the load between volunteers…</translation>
    </message>
    <message>
        <source>Preferring home grids and last week&apos;s volunteers…</source>
        <translation>Preferring home grids and last week&apos;s volunteers…</translation>
    </message>
    <message>
        <source>Finishing…</source>
        <translation>Finishing…</translation>
    </message>
    <message>
        <source>%1 %2 of %3 places</source>
        <translation>%1 %2 of %3 places</translation>
    </message>
    <message>
        <source>This is the best possible fill.</source>
        <translation>This is the best possible fill.</translation>
    </message>
    <message>
        <source>This is the best fill found in the time given.</source>
        <translation>This is the best fill found in the time given.</translation>
    </message>
    <message>
        <source>The search was stopped; this is the best fill found so far.</source>
        <translation>The search was stopped; this is the best fill found so far.</translation>
    </message>
    <message>
        <source>%1 of %2 places filled: %3 already assigned, %4 proposed, %5 left empty. Busiest and least busy volunteer differ by %6 hours (this week and the four before). %7</source>
        <translation>%1 of %2 places filled: %3 already assigned, %4 proposed, %5 left empty. Busiest and least busy volunteer differ by %6 hours (this week and the four before). %7</translation>
    </message>
    <message>
        <source>Nothing to add: %1 of %2 places are filled and nobody else can take the empty ones (see “Left empty”).</source>
        <translation>Nothing to add: %1 of %2 places are filled and nobody else can take the empty ones (see “Left empty”).</translation>
    </message>
    <message>
        <source>Nothing to add: every place of this week is already filled.</source>
        <translation>Nothing to add: every place of this week is already filled.</translation>
    </message>
    <message>
        <source>%1 of the proposed duties are outside the times the volunteer offered (marked in the roster).</source>
        <translation>%1 of the proposed duties are outside the times the volunteer offered (marked in the roster).</translation>
    </message>
    <message>
        <source>These existing duties break hard rules; they were left as they are and the rest was filled around them. Release or correct them:</source>
        <translation>These existing duties break hard rules; they were left as they are and the rest was filled around them. Release or correct them:</translation>
    </message>
    <message>
        <source>no longer active</source>
        <translation>no longer active</translation>
    </message>
    <message>
        <source>on leave</source>
        <translation>on leave</translation>
    </message>
    <message>
        <source>not a member of the duty&apos;s team</source>
        <translation>not a member of the duty&apos;s team</translation>
    </message>
    <message>
        <source>on another duty at the same time</source>
        <translation>on another duty at the same time</translation>
    </message>
    <message>
        <source>the duty has more volunteers than it needs</source>
        <translation>the duty has more volunteers than it needs</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>%1 %2 %3-%4 %5</source>
        <translation>%1 %2 %3-%4 %5</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>already assigned</source>
        <translation>already assigned</translation>
    </message>
    <message>
        <source>new, outside their offered times</source>
        <translation>new, outside their offered times</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>left empty</source>
        <translation>left empty</translation>
    </message>
    <message>
        <source>Proposed roster (%1 new)</source>
        <translation>Proposed roster (%1 new)</translation>
    </message>
    <message>
        <source>Left empty (%1)</source>
        <translation>Left empty (%1)</translation>
    </message>
    <message>
        <source>%1 has no members.</source>
        <translation>%1 has no members.</translation>
    </message>
    <message>
        <source>There are no active volunteers.</source>
        <translation>There are no active volunteers.</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n member(s)</source>
        <translation>
            <numerusform>%1 has %n member</numerusform>
            <numerusform>%1 has %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active volunteer(s)</source>
        <translation>
            <numerusform>%n active volunteer</numerusform>
            <numerusform>%n active volunteers</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n already on this duty</source>
        <translation>
            <numerusform>%n already on this duty</numerusform>
            <numerusform>%n already on this duty</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled this duty</source>
        <translation>
            <numerusform>%n cancelled this duty</numerusform>
            <numerusform>%n cancelled this duty</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no longer active</source>
        <translation>
            <numerusform>%n no longer active</numerusform>
            <numerusform>%n no longer active</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n on leave</source>
        <translation>
            <numerusform>%n on leave</numerusform>
            <numerusform>%n on leave</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n marked unavailable</source>
        <translation>
            <numerusform>%n marked unavailable</numerusform>
            <numerusform>%n marked unavailable</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already on a duty at that time</source>
        <translation>
            <numerusform>%n already on a duty at that time</numerusform>
            <numerusform>%n already on a duty at that time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n would rest less than %1 hours between duties</source>
        <translation>
            <numerusform>%n would rest less than %1 hours between duties</numerusform>
            <numerusform>%n would rest less than %1 hours between duties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n at their daily maximum of duties</source>
        <translation>
            <numerusform>%n at their daily maximum of duties</numerusform>
            <numerusform>%n at their daily maximum of duties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n at their weekly maximum of duties</source>
        <translation>
            <numerusform>%n at their weekly maximum of duties</numerusform>
            <numerusform>%n at their weekly maximum of duties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n did not offer that time</source>
        <translation>
            <numerusform>%n did not offer that time</numerusform>
            <numerusform>%n did not offer that time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could still serve (the search was stopped early)</source>
        <translation>
            <numerusform>%n could still serve (the search was stopped early)</numerusform>
            <numerusform>%n could still serve (the search was stopped early)</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing the assignments…</source>
        <translation>Writing the assignments…</translation>
    </message>
    <message>
        <source>%1 assignments were written. You can undo the whole fill with “Undo this fill”.</source>
        <translation>%1 assignments were written. You can undo the whole fill with “Undo this fill”.</translation>
    </message>
    <message>
        <source>The roster changed since this proposal was made, so nothing was written. Press “Propose again” for a new proposal.</source>
        <translation>The roster changed since this proposal was made, so nothing was written. Press “Propose again” for a new proposal.</translation>
    </message>
    <message>
        <source>Removing the fill…</source>
        <translation>Removing the fill…</translation>
    </message>
    <message>
        <source>The fill was undone: %1 assignments removed.</source>
        <translation>The fill was undone: %1 assignments removed.</translation>
    </message>
    <message>
        <source>The fill cannot be undone: %1 of its duties already have attendance recorded.</source>
        <translation>The fill cannot be undone: %1 of its duties already have attendance recorded.</translation>
    </message>
</context>
<context>
    <name>AvailabilityDialog</name>
    <message>
        <source>Availability of %1</source>
        <translation>Availability of %1</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Add window</source>
        <translation>Add window</translation>
    </message>
    <message>
        <source>Remove window</source>
        <translation>Remove window</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>Save windows and limits</source>
        <translation>Save windows and limits</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Unavailable</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <source>Add leave</source>
        <translation>Add leave</translation>
    </message>
    <message>
        <source>Remove leave</source>
        <translation>Remove leave</translation>
    </message>
    <message>
        <source>the availability of %1</source>
        <translation>the availability of %1</translation>
    </message>
    <message>
        <source>Weekly availability (none = any time)</source>
        <translation>Weekly availability (none = any time)</translation>
    </message>
    <message>
        <source>At most per week</source>
        <translation>At most per week</translation>
    </message>
    <message>
        <source>At most per day</source>
        <translation>At most per day</translation>
    </message>
    <message>
        <source>Leave and unavailable days</source>
        <translation>Leave and unavailable days</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Leave recorded.</source>
        <translation>Leave recorded.</translation>
    </message>
    <message>
        <source>Leave removed.</source>
        <translation>Leave removed.</translation>
    </message>
</context>
<context>
    <name>BatchHistoryDialog</name>
    <message>
        <source>Batch history</source>
        <translation>Batch history</translation>
    </message>
    <message>
        <source>Shifts generated from templates, weeks copied, auto-fills applied and changes of the holiday table, newest first. Undo takes back everything a batch did; it is refused once volunteers are on generated shifts or attendance has been recorded.</source>
        <translation>Shifts generated from templates, weeks copied, auto-fills applied and changes of the holiday table, newest first. Undo takes back everything a batch did; it is refused once volunteers are on generated shifts or attendance has been recorded.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Team / by</source>
        <translation>Team / by</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Undo…</source>
        <translation>Undo…</translation>
    </message>
    <message>
        <source>No batches yet.</source>
        <translation>No batches yet.</translation>
    </message>
    <message>
        <source>Generated from templates</source>
        <translation>Generated from templates</translation>
    </message>
    <message>
        <source>Copied previous week</source>
        <translation>Copied previous week</translation>
    </message>
    <message>
        <source>Auto-fill applied</source>
        <translation>Auto-fill applied</translation>
    </message>
    <message>
        <source>Holiday table changed</source>
        <translation>Holiday table changed</translation>
    </message>
    <message>
        <source>%1 assignments made, %2 still in place</source>
        <translation>%1 assignments made, %2 still in place</translation>
    </message>
    <message>
        <source>%1 shifts removed, %2 added</source>
        <translation>%1 shifts removed, %2 added</translation>
    </message>
    <message>
        <source>%1 shifts created, %2 still there</source>
        <translation>%1 shifts created, %2 still there</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Undone</translation>
    </message>
    <message>
        <source>Blocked: volunteers on %1 shifts</source>
        <translation>Blocked: volunteers on %1 shifts</translation>
    </message>
    <message>
        <source>In effect</source>
        <translation>In effect</translation>
    </message>
    <message>
        <source>Undo a batch</source>
        <translation>Undo a batch</translation>
    </message>
    <message>
        <source>the holiday change with the shifts it removed and added</source>
        <translation>the holiday change with the shifts it removed and added</translation>
    </message>
    <message>
        <source>%1 assignments</source>
        <translation>%1 assignments</translation>
    </message>
    <message>
        <source>%1 shifts</source>
        <translation>%1 shifts</translation>
    </message>
    <message>
        <source>Undo “%1” of %2 (%3 – %4)?

This takes back %5.</source>
        <translation>Undo “%1” of %2 (%3 – %4)?

This takes back %5.</translation>
    </message>
    <message>
        <source>Undone: the holiday table and its shifts are as they were.</source>
        <translation>Undone: the holiday table and its shifts are as they were.</translation>
    </message>
    <message>
        <source>Undone: %1 assignments removed.</source>
        <translation>Undone: %1 assignments removed.</translation>
    </message>
    <message>
        <source>Undone: %1 shifts removed.</source>
        <translation>Undone: %1 shifts removed.</translation>
    </message>
    <message>
        <source>The fill cannot be undone: %1 of its duties already have attendance recorded.</source>
        <translation>The fill cannot be undone: %1 of its duties already have attendance recorded.</translation>
    </message>
    <message>
        <source>The shifts cannot be undone: volunteers are already on %1 of them. Remove them first.</source>
        <translation>The shifts cannot be undone: volunteers are already on %1 of them. Remove them first.</translation>
    </message>
</context>
<context>
    <name>BrokenPage</name>
    <message>
        <source>The screen “%1” could not be opened because of a programming error. Please report the text below.</source>
        <translation>The screen “%1” could not be opened because of a programming error. Please report the text below.</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Yearly certificate</source>
        <translation>Yearly certificate</translation>
    </message>
    <message>
        <source>Certificate of %1&apos;s verified service hours in the year:</source>
        <translation>Certificate of %1&apos;s verified service hours in the year:</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>Operator: %1 (%2)</source>
        <translation>Operator: %1 (%2)</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>New password (at least %1 characters)</source>
        <translation>New password (at least %1 characters)</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>your password</source>
        <translation>your password</translation>
    </message>
    <message>
        <source>is wrong</source>
        <translation>is wrong</translation>
    </message>
    <message>
        <source>differs from the new password</source>
        <translation>differs from the new password</translation>
    </message>
    <message>
        <source>Operator accounts are off: there is no password to change.</source>
        <translation>Operator accounts are off: there is no password to change.</translation>
    </message>
</context>
<context>
    <name>CheckinDialog</name>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>Verify these hours now, as</source>
        <translation>Verify these hours now, as</translation>
    </message>
    <message>
        <source>All arrived as planned</source>
        <translation>All arrived as planned</translation>
    </message>
    <message>
        <source>%1 – %2 the next morning</source>
        <translation>%1 – %2 the next morning</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1
Mark who arrived and when they left; times start at the planned ones. Served duties go to the hours ledger, where a captain or coordinator verifies them.</source>
        <translation>%1
Mark who arrived and when they left; times start at the planned ones. Served duties go to the hours ledger, where a captain or coordinator verifies them.</translation>
    </message>
    <message>
        <source>Check-in: %1</source>
        <translation>Check-in: %1</translation>
    </message>
    <message>
        <source>Nobody is assigned to this shift.</source>
        <translation>Nobody is assigned to this shift.</translation>
    </message>
    <message>
        <source>the check-in of %1</source>
        <translation>the check-in of %1</translation>
    </message>
    <message>
        <source>the check-in</source>
        <translation>the check-in</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>Not marked</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verified</translation>
    </message>
    <message>
        <source>awaiting verification</source>
        <translation>awaiting verification</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct entry No. %1</source>
        <translation>Correct entry No. %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 hours · %4</source>
        <translation>%1 · %2 · %3 hours · %4</translation>
    </message>
    <message>
        <source>The ledger is never overwritten: the correction is a new entry that replaces this one, which stays visible as corrected. Enter 0 hours to void the entry. The correction must be verified again.</source>
        <translation>The ledger is never overwritten: the correction is a new entry that replaces this one, which stays visible as corrected. Enter 0 hours to void the entry. The correction must be verified again.</translation>
    </message>
    <message>
        <source>e.g. left an hour early</source>
        <translation>e.g. left an hour early</translation>
    </message>
    <message>
        <source>Correct hours *</source>
        <translation>Correct hours *</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <source>the correction of entry No. %1</source>
        <translation>the correction of entry No. %1</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Save correction</translation>
    </message>
</context>
<context>
    <name>DatabaseDialogs</name>
    <message>
        <source>Create a new database</source>
        <translation>Create a new database</translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation>Open a database</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>The database %1 cannot be opened.</source>
        <translation>The database %1 cannot be opened.</translation>
    </message>
    <message>
        <source>You can open another database file or create a new one.</source>
        <translation>You can open another database file or create a new one.</translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation>Open another file…</translation>
    </message>
    <message>
        <source>Create a new database…</source>
        <translation>Create a new database…</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The file is damaged (it may have been cut short or partly overwritten) and cannot be used. Nothing was written to it.</source>
        <translation>The file is damaged (it may have been cut short or partly overwritten) and cannot be used. Nothing was written to it.</translation>
    </message>
    <message>
        <source>Press “Restore from a backup…” to rebuild the data from a backup into a new file; the damaged file is kept as it is.</source>
        <translation>Press “Restore from a backup…” to rebuild the data from a backup into a new file; the damaged file is kept as it is.</translation>
    </message>
    <message>
        <source>The newest automatic backup is %1.</source>
        <translation>The newest automatic backup is %1.</translation>
    </message>
</context>
<context>
    <name>DayTable</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Grid / place</source>
        <translation>Grid / place</translation>
    </message>
    <message>
        <source>On duty</source>
        <translation>On duty</translation>
    </message>
    <message>
        <source>Open places</source>
        <translation>Open places</translation>
    </message>
    <message>
        <source>%1 (next day)</source>
        <translation>%1 (next day)</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>nobody yet</translation>
    </message>
    <message numerus="yes">
        <source>%n short</source>
        <translation>
            <numerusform>%n short</numerusform>
            <numerusform>%n short</numerusform>
        </translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Full</translation>
    </message>
    <message>
        <source>On duty now</source>
        <translation>On duty now</translation>
    </message>
</context>
<context>
    <name>DemoOffer</name>
    <message>
        <source>Empty database</source>
        <translation>Empty database</translation>
    </message>
    <message>
        <source>This database is empty. Load the demo community (林琼社区: 11 grids, 6 teams, about 150 volunteers) to try the application?

Choose No to start with empty registers.</source>
        <translation>This database is empty. Load the demo community (林琼社区: 11 grids, 6 teams, about 150 volunteers) to try the application?

Choose No to start with empty registers.</translation>
    </message>
    <message>
        <source>The demo community was loaded.</source>
        <translation>The demo community was loaded.</translation>
    </message>
    <message>
        <source>Demo community</source>
        <translation>Demo community</translation>
    </message>
</context>
<context>
    <name>DiscardChanges</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Discard the changes to %1?</source>
        <translation>Discard the changes to %1?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <source>Dispatch request %1</source>
        <translation>Dispatch request %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3
%4</source>
        <translation>%1 · %2 · %3
%4</translation>
    </message>
    <message>
        <source>Only members of the chosen team</source>
        <translation>Only members of the chosen team</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Open requests</source>
        <translation>Open requests</translation>
    </message>
    <message>
        <source>e.g. please call the resident before going</source>
        <translation>e.g. please call the resident before going</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <source>Volunteer (optional; select none to leave it to the team)</source>
        <translation>Volunteer (optional; select none to leave it to the team)</translation>
    </message>
    <message>
        <source>%1 (suggested)</source>
        <translation>%1 (suggested)</translation>
    </message>
    <message>
        <source>[%1 open]</source>
        <translation>[%1 open]</translation>
    </message>
    <message>
        <source>Requests about “%1” usually go to %2.</source>
        <translation>Requests about “%1” usually go to %2.</translation>
    </message>
    <message>
        <source>The request has no grid, so no volunteers are suggested.</source>
        <translation>The request has no grid, so no volunteers are suggested.</translation>
    </message>
    <message>
        <source>No active volunteers live in this grid.</source>
        <translation>No active volunteers live in this grid.</translation>
    </message>
    <message>
        <source>Active volunteers living in %1; members of the chosen team in bold.</source>
        <translation>Active volunteers living in %1; members of the chosen team in bold.</translation>
    </message>
    <message>
        <source>the dispatch of request %1</source>
        <translation>the dispatch of request %1</translation>
    </message>
</context>
<context>
    <name>DutyRemoval</name>
    <message>
        <source>Delete duty…</source>
        <translation>Delete duty…</translation>
    </message>
    <message>
        <source>Delete the selected duty with its volunteers (can be undone)</source>
        <translation>Delete the selected duty with its volunteers (can be undone)</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Undo delete</translation>
    </message>
    <message>
        <source>Delete the duty “%1” (%2)?

%3 volunteer(s) on it will be taken off it: %4. You can undo this right after.</source>
        <translation>Delete the duty “%1” (%2)?

%3 volunteer(s) on it will be taken off it: %4. You can undo this right after.</translation>
    </message>
    <message>
        <source>Delete the duty “%1” (%2)?

Nobody is on it. You can undo this right after.</source>
        <translation>Delete the duty “%1” (%2)?

Nobody is on it. You can undo this right after.</translation>
    </message>
    <message>
        <source>Delete duty</source>
        <translation>Delete duty</translation>
    </message>
    <message>
        <source>Duty “%1” of %2 deleted with %3 volunteer(s).</source>
        <translation>Duty “%1” of %2 deleted with %3 volunteer(s).</translation>
    </message>
    <message>
        <source>The duty is back with %1 volunteer(s).</source>
        <translation>The duty is back with %1 volunteer(s).</translation>
    </message>
    <message>
        <source>Not put back (booked elsewhere meanwhile): %1.</source>
        <translation>Not put back (booked elsewhere meanwhile): %1.</translation>
    </message>
</context>
<context>
    <name>EnableAccountsDialog</name>
    <message>
        <source>Switch accounts on</source>
        <translation>Switch accounts on</translation>
    </message>
    <message>
        <source>From now on everyone logs in with a user name and password and may do only what their role allows. Create the first administrator; you will be logged in as them.</source>
        <translation>From now on everyone logs in with a user name and password and may do only what their role allows. Create the first administrator; you will be logged in as them.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Password (at least %1 characters)</source>
        <translation>Password (at least %1 characters)</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>the first administrator&apos;s account</source>
        <translation>the first administrator&apos;s account</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>ID card number</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>Political status</translation>
    </message>
    <message>
        <source>Party-member central household</source>
        <translation>Party-member central household</translation>
    </message>
    <message>
        <source>Occupation / employer</source>
        <translation>Occupation / employer</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>Joined on</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Left on</translation>
    </message>
    <message>
        <source>Grid number</source>
        <translation>Grid number</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Grid leader</source>
        <translation>Grid leader</translation>
    </message>
    <message>
        <source>Grid leader&apos;s phone</source>
        <translation>Grid leader&apos;s phone</translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation>Grid worker</translation>
    </message>
    <message>
        <source>Grid worker&apos;s phone</source>
        <translation>Grid worker&apos;s phone</translation>
    </message>
    <message>
        <source>Grid police officer</source>
        <translation>Grid police officer</translation>
    </message>
    <message>
        <source>Grid police officer&apos;s phone</source>
        <translation>Grid police officer&apos;s phone</translation>
    </message>
    <message>
        <source>Street grid instructor</source>
        <translation>Street grid instructor</translation>
    </message>
    <message>
        <source>Street grid instructor&apos;s phone</source>
        <translation>Street grid instructor&apos;s phone</translation>
    </message>
    <message>
        <source>Team kind</source>
        <translation>Team kind</translation>
    </message>
    <message>
        <source>Parent team</source>
        <translation>Parent team</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Service hall phone</source>
        <translation>Service hall phone</translation>
    </message>
    <message>
        <source>Service hall hours</source>
        <translation>Service hall hours</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Duty type</source>
        <translation>Duty type</translation>
    </message>
    <message>
        <source>People needed</source>
        <translation>People needed</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>Days of the week</source>
        <translation>Days of the week</translation>
    </message>
    <message>
        <source>Days of the month</source>
        <translation>Days of the month</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Reason for assigning anyway</source>
        <translation>Reason for assigning anyway</translation>
    </message>
    <message>
        <source>Time of leaving</source>
        <translation>Time of leaving</translation>
    </message>
    <message>
        <source>Duties per day at most</source>
        <translation>Duties per day at most</translation>
    </message>
    <message>
        <source>Duties per week at most</source>
        <translation>Duties per week at most</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>First day</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>Sort order</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Number of entries</source>
        <translation>Number of entries</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>Reminder lead times</source>
        <translation>Reminder lead times</translation>
    </message>
    <message>
        <source>A team&apos;s reminder lead times</source>
        <translation>A team&apos;s reminder lead times</translation>
    </message>
    <message>
        <source>Alert window</source>
        <translation>Alert window</translation>
    </message>
    <message>
        <source>Weeks ahead</source>
        <translation>Weeks ahead</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>Backups to keep</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>must be filled in</source>
        <translation>must be filled in</translation>
    </message>
    <message>
        <source>is not a valid mobile number (11 digits starting with 1)</source>
        <translation>is not a valid mobile number (11 digits starting with 1)</translation>
    </message>
    <message>
        <source>is not a valid phone number</source>
        <translation>is not a valid phone number</translation>
    </message>
    <message>
        <source>must have 18 characters</source>
        <translation>must have 18 characters</translation>
    </message>
    <message>
        <source>must be 17 digits followed by a digit or X</source>
        <translation>must be 17 digits followed by a digit or X</translation>
    </message>
    <message>
        <source>contains an impossible date of birth</source>
        <translation>contains an impossible date of birth</translation>
    </message>
    <message>
        <source>has a wrong check digit (last character); please check the number</source>
        <translation>has a wrong check digit (last character); please check the number</translation>
    </message>
    <message>
        <source>was stored by Excel as a number and its last digits are lost: set the column to text and enter the numbers again</source>
        <translation>was stored by Excel as a number and its last digits are lost: set the column to text and enter the numbers again</translation>
    </message>
    <message>
        <source>is too long</source>
        <translation>is too long</translation>
    </message>
    <message>
        <source>contains control characters or starts like a spreadsheet formula (= + - @)</source>
        <translation>contains control characters or starts like a spreadsheet formula (= + - @)</translation>
    </message>
    <message>
        <source>contains a line break, a control character or an invisible text-direction mark (only notes may have line breaks)</source>
        <translation>contains a line break, a control character or an invisible text-direction mark (only notes may have line breaks)</translation>
    </message>
    <message>
        <source>is in another text encoding than the rest of the file (UTF-8 and GBK mixed); save the whole file again in one encoding</source>
        <translation>is in another text encoding than the rest of the file (UTF-8 and GBK mixed); save the whole file again in one encoding</translation>
    </message>
    <message>
        <source>holds bytes that are neither UTF-8 nor GBK text</source>
        <translation>holds bytes that are neither UTF-8 nor GBK text</translation>
    </message>
    <message>
        <source>is a range of merged cells; unmerge it and fill in the value on every row</source>
        <translation>is a range of merged cells; unmerge it and fill in the value on every row</translation>
    </message>
    <message>
        <source>must be 是 or 否</source>
        <translation>must be 是 or 否</translation>
    </message>
    <message>
        <source>must be 在册 or 已离队</source>
        <translation>must be 在册 or 已离队</translation>
    </message>
    <message>
        <source>must be 男 or 女</source>
        <translation>must be 男 or 女</translation>
    </message>
    <message>
        <source>must be 队长, 副队长 or 队员</source>
        <translation>must be 队长, 副队长 or 队员</translation>
    </message>
    <message>
        <source>does not match the number of teams</source>
        <translation>does not match the number of teams</translation>
    </message>
    <message>
        <source>is given but no team is</source>
        <translation>is given but no team is</translation>
    </message>
    <message>
        <source>names a team that does not exist</source>
        <translation>names a team that does not exist</translation>
    </message>
    <message>
        <source>names a grid that does not exist</source>
        <translation>names a grid that does not exist</translation>
    </message>
    <message>
        <source>is already registered to another volunteer</source>
        <translation>is already registered to another volunteer</translation>
    </message>
    <message>
        <source>repeats an earlier row of the file</source>
        <translation>repeats an earlier row of the file</translation>
    </message>
    <message>
        <source>appears twice in the header row</source>
        <translation>appears twice in the header row</translation>
    </message>
    <message>
        <source>column is missing from the header row</source>
        <translation>column is missing from the header row</translation>
    </message>
    <message>
        <source>is not a known team kind</source>
        <translation>is not a known team kind</translation>
    </message>
    <message>
        <source>is already the name of another team</source>
        <translation>is already the name of another team</translation>
    </message>
    <message>
        <source>is already used by another grid</source>
        <translation>is already used by another grid</translation>
    </message>
    <message>
        <source>must be a positive whole number</source>
        <translation>must be a positive whole number</translation>
    </message>
    <message>
        <source>is not a known time zone</source>
        <translation>is not a known time zone</translation>
    </message>
    <message>
        <source>cannot be the team itself</source>
        <translation>cannot be the team itself</translation>
    </message>
    <message>
        <source>is not a known sort order</source>
        <translation>is not a known sort order</translation>
    </message>
    <message>
        <source>is too far in the past or the future (outside the years 2000 to 2100)</source>
        <translation>is too far in the past or the future (outside the years 2000 to 2100)</translation>
    </message>
    <message>
        <source>is not a date and time</source>
        <translation>is not a date and time</translation>
    </message>
    <message>
        <source>is not a known duty type</source>
        <translation>is not a known duty type</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to 99</source>
        <translation>must be a whole number from 1 to 99</translation>
    </message>
    <message>
        <source>is not a valid time</source>
        <translation>is not a valid time</translation>
    </message>
    <message>
        <source>is before the start</source>
        <translation>is before the start</translation>
    </message>
    <message>
        <source>makes the range too long (at most 800 days at once)</source>
        <translation>makes the range too long (at most 800 days at once)</translation>
    </message>
    <message>
        <source>is not a valid schedule</source>
        <translation>is not a valid schedule</translation>
    </message>
    <message>
        <source>is not a valid week</source>
        <translation>is not a valid week</translation>
    </message>
    <message>
        <source>is not a day of the week</source>
        <translation>is not a day of the week</translation>
    </message>
    <message>
        <source>must differ from the start</source>
        <translation>must differ from the start</translation>
    </message>
    <message>
        <source>must be leave or unavailable</source>
        <translation>must be leave or unavailable</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to 50</source>
        <translation>must be a whole number from 0 to 50</translation>
    </message>
    <message>
        <source>must be a holiday or a make-up working day</source>
        <translation>must be a holiday or a make-up working day</translation>
    </message>
    <message>
        <source>has no official holiday schedule yet</source>
        <translation>has no official holiday schedule yet</translation>
    </message>
    <message>
        <source>makes the range too long (at most 31 days at once)</source>
        <translation>makes the range too long (at most 31 days at once)</translation>
    </message>
    <message>
        <source>is not a known status</source>
        <translation>is not a known status</translation>
    </message>
    <message>
        <source>is not a known source</source>
        <translation>is not a known source</translation>
    </message>
    <message>
        <source>must be checked in, completed or no-show</source>
        <translation>must be checked in, completed or no-show</translation>
    </message>
    <message>
        <source>makes the range too long for an auto-fill (at most 31 days)</source>
        <translation>makes the range too long for an auto-fill (at most 31 days)</translation>
    </message>
    <message>
        <source>is too far in the past or the future to plan</source>
        <translation>is too far in the past or the future to plan</translation>
    </message>
    <message>
        <source>is not a supported file type</source>
        <translation>is not a supported file type</translation>
    </message>
    <message>
        <source>is not a known printout</source>
        <translation>is not a known printout</translation>
    </message>
    <message>
        <source>must be a whole number from 1 to 1000</source>
        <translation>must be a whole number from 1 to 1000</translation>
    </message>
    <message>
        <source>is not one of the intervals offered</source>
        <translation>is not one of the intervals offered</translation>
    </message>
    <message>
        <source>must be 1 to 5 values like 24h, 2h or 90m, each at most 7 days</source>
        <translation>must be 1 to 5 values like 24h, 2h or 90m, each at most 7 days</translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation>is out of range</translation>
    </message>
    <message>
        <source>is not a setting of this job</source>
        <translation>is not a setting of this job</translation>
    </message>
    <message>
        <source>must be a folder</source>
        <translation>must be a folder</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>The file has a header row but no volunteers.</source>
        <translation>The file has a header row but no volunteers.</translation>
    </message>
    <message>
        <source>Unsupported file type; use an Excel workbook (.xlsx) or a CSV file.</source>
        <translation>Unsupported file type; use an Excel workbook (.xlsx) or a CSV file.</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>The file does not exist.</translation>
    </message>
    <message>
        <source>The file is not a readable Excel workbook (.xlsx).</source>
        <translation>The file is not a readable Excel workbook (.xlsx).</translation>
    </message>
    <message>
        <source>The file cannot be read as UTF-8 or GBK text.</source>
        <translation>The file cannot be read as UTF-8 or GBK text.</translation>
    </message>
    <message>
        <source>The file is not valid CSV.</source>
        <translation>The file is not valid CSV.</translation>
    </message>
    <message>
        <source>The file has more than %1 rows, the most one import takes. Split it into several files.</source>
        <translation>The file has more than %1 rows, the most one import takes. Split it into several files.</translation>
    </message>
    <message>
        <source>The file has more than %1 cells, the most one import takes. Split it or delete unused columns.</source>
        <translation>The file has more than %1 cells, the most one import takes. Split it or delete unused columns.</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB (unzipped), the most one import takes. Split it into several files.</source>
        <translation>The file is larger than %1 MB (unzipped), the most one import takes. Split it into several files.</translation>
    </message>
    <message>
        <source>A part of the workbook expands more than %1 times, which no Excel file does. It was refused as a possible zip bomb.</source>
        <translation>A part of the workbook expands more than %1 times, which no Excel file does. It was refused as a possible zip bomb.</translation>
    </message>
    <message>
        <source>The workbook contains XML entity declarations, which Excel never writes. It was refused.</source>
        <translation>The workbook contains XML entity declarations, which Excel never writes. It was refused.</translation>
    </message>
    <message>
        <source>This is a folder or a device, not a file.</source>
        <translation>This is a folder or a device, not a file.</translation>
    </message>
    <message>
        <source>The file cannot be read (%1).</source>
        <translation>The file cannot be read (%1).</translation>
    </message>
    <message>
        <source>The record was not found; it may have been deleted meanwhile.</source>
        <translation>The record was not found; it may have been deleted meanwhile.</translation>
    </message>
    <message>
        <source>The volunteer was not found; they may have been deleted meanwhile.</source>
        <translation>The volunteer was not found; they may have been deleted meanwhile.</translation>
    </message>
    <message>
        <source>The team was not found; it may have been deleted meanwhile.</source>
        <translation>The team was not found; it may have been deleted meanwhile.</translation>
    </message>
    <message>
        <source>The grid was not found; it may have been deleted meanwhile.</source>
        <translation>The grid was not found; it may have been deleted meanwhile.</translation>
    </message>
    <message>
        <source>The volunteer is no longer a member of that team.</source>
        <translation>The volunteer is no longer a member of that team.</translation>
    </message>
    <message>
        <source>The database already holds data; the demo community can only be loaded into an empty database.</source>
        <translation>The database already holds data; the demo community can only be loaded into an empty database.</translation>
    </message>
    <message>
        <source>This volunteer has a service history and cannot be deleted. Mark them as left instead.</source>
        <translation>This volunteer has a service history and cannot be deleted. Mark them as left instead.</translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile. Reload it and make your change again.</source>
        <translation>Someone else changed this record meanwhile. Reload it and make your change again.</translation>
    </message>
    <message>
        <source>Someone else changed the same data at the same moment. Nothing was written; please try again.</source>
        <translation>Someone else changed the same data at the same moment. Nothing was written; please try again.</translation>
    </message>
    <message>
        <source>A volunteer would be on two duties at the same time. Nothing was written.</source>
        <translation>A volunteer would be on two duties at the same time. Nothing was written.</translation>
    </message>
    <message>
        <source>The team still has members or branch teams.</source>
        <translation>The team still has members or branch teams.</translation>
    </message>
    <message>
        <source>%1 is not a database file of this application.</source>
        <translation>%1 is not a database file of this application.</translation>
    </message>
    <message>
        <source>%1 cannot be read as a database (%2).</source>
        <translation>%1 cannot be read as a database (%2).</translation>
    </message>
    <message>
        <source>The database was written by a newer version of this application (revision %1). Please update the application.</source>
        <translation>The database was written by a newer version of this application (revision %1). Please update the application.</translation>
    </message>
    <message>
        <source>%1 holds tables that were not made by this application.</source>
        <translation>%1 holds tables that were not made by this application.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 does not exist.</translation>
    </message>
    <message>
        <source>“%1” is not a database file or address.</source>
        <translation>“%1” is not a database file or address.</translation>
    </message>
    <message>
        <source>Your role does not allow this. Ask an administrator if you need it.</source>
        <translation>Your role does not allow this. Ask an administrator if you need it.</translation>
    </message>
    <message>
        <source>Operator accounts are switched on for this database: please log in first.</source>
        <translation>Operator accounts are switched on for this database: please log in first.</translation>
    </message>
    <message>
        <source>%1 is read-only. Copy it to a folder you may write to, or restore a backup.</source>
        <translation>%1 is read-only. Copy it to a folder you may write to, or restore a backup.</translation>
    </message>
    <message>
        <source>%1 does not exist or is not a file.</source>
        <translation>%1 does not exist or is not a file.</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2).</source>
        <translation>%1 cannot be read (%2).</translation>
    </message>
    <message>
        <source>%1 is damaged or incomplete and cannot be restored (%2).</source>
        <translation>%1 is damaged or incomplete and cannot be restored (%2).</translation>
    </message>
    <message>
        <source>%1 is not a backup of this application.</source>
        <translation>%1 is not a backup of this application.</translation>
    </message>
    <message>
        <source>%1: a .db copy can only be made of a database file; choose a .vabak archive.</source>
        <translation>%1: a .db copy can only be made of a database file; choose a .vabak archive.</translation>
    </message>
    <message>
        <source>The backup does not fit this database&apos;s structure.</source>
        <translation>The backup does not fit this database&apos;s structure.</translation>
    </message>
    <message>
        <source>The database file %1 is damaged. Nothing was written to it. Restore the newest good backup into a new file.</source>
        <translation>The database file %1 is damaged. Nothing was written to it. Restore the newest good backup into a new file.</translation>
    </message>
    <message>
        <source>Another program is writing to the database %1. Nothing was changed; please try again.</source>
        <translation>Another program is writing to the database %1. Nothing was changed; please try again.</translation>
    </message>
    <message>
        <source>The disk is full: %1 could not be written. Nothing was changed.</source>
        <translation>The disk is full: %1 could not be written. Nothing was changed.</translation>
    </message>
    <message>
        <source>The restore could not be written to %1. Nothing was changed.</source>
        <translation>The restore could not be written to %1. Nothing was changed.</translation>
    </message>
    <message>
        <source>%1 is a folder or a device, not a file. Choose a file name.</source>
        <translation>%1 is a folder or a device, not a file. Choose a file name.</translation>
    </message>
    <message>
        <source>%1 is read-only. Choose another file name.</source>
        <translation>%1 is read-only. Choose another file name.</translation>
    </message>
    <message>
        <source>%1 is the database itself. Choose another file for the backup.</source>
        <translation>%1 is the database itself. Choose another file for the backup.</translation>
    </message>
    <message>
        <source>%1 is encrypted with a passphrase. Enter the passphrase.</source>
        <translation>%1 is encrypted with a passphrase. Enter the passphrase.</translation>
    </message>
    <message>
        <source>Wrong passphrase for %1. Nothing was restored.</source>
        <translation>Wrong passphrase for %1. Nothing was restored.</translation>
    </message>
    <message>
        <source>%1 was changed or cut off after it was written and cannot be trusted. Nothing was restored.</source>
        <translation>%1 was changed or cut off after it was written and cannot be trusted. Nothing was restored.</translation>
    </message>
    <message>
        <source>The backup passphrase must have at least 10 characters.</source>
        <translation>The backup passphrase must have at least 10 characters.</translation>
    </message>
    <message>
        <source>Only an administrator may make an unencrypted .db copy. Back up to a .vabak file instead.</source>
        <translation>Only an administrator may make an unencrypted .db copy. Back up to a .vabak file instead.</translation>
    </message>
    <message>
        <source>%1 holds no passwords (it was not made by an administrator), and no administrator could log in after restoring it. Nothing was changed. Restore an administrator&apos;s backup or a nightly backup.</source>
        <translation>%1 holds no passwords (it was not made by an administrator), and no administrator could log in after restoring it. Nothing was changed. Restore an administrator&apos;s backup or a nightly backup.</translation>
    </message>
    <message>
        <source>Your role may not see ID numbers, so its backups are encrypted with the database key, not a passphrase.</source>
        <translation>Your role may not see ID numbers, so its backups are encrypted with the database key, not a passphrase.</translation>
    </message>
    <message>
        <source>The duty template was not found; it may have been deleted meanwhile.</source>
        <translation>The duty template was not found; it may have been deleted meanwhile.</translation>
    </message>
    <message>
        <source>The generated shifts were not found; they may have been undone meanwhile.</source>
        <translation>The generated shifts were not found; they may have been undone meanwhile.</translation>
    </message>
    <message>
        <source>The leave was not found; it may have been deleted meanwhile.</source>
        <translation>The leave was not found; it may have been deleted meanwhile.</translation>
    </message>
    <message>
        <source>The day is not in the holiday table.</source>
        <translation>The day is not in the holiday table.</translation>
    </message>
    <message>
        <source>That change of the holiday table no longer exists.</source>
        <translation>That change of the holiday table no longer exists.</translation>
    </message>
    <message>
        <source>That change of the holiday table was already undone.</source>
        <translation>That change of the holiday table was already undone.</translation>
    </message>
    <message>
        <source>The volunteer cannot take this duty: it breaks hard rules.</source>
        <translation>The volunteer cannot take this duty: it breaks hard rules.</translation>
    </message>
    <message>
        <source>These generated shifts were already undone.</source>
        <translation>These generated shifts were already undone.</translation>
    </message>
    <message>
        <source>The generated shifts cannot be undone: volunteers are already on them.</source>
        <translation>The generated shifts cannot be undone: volunteers are already on them.</translation>
    </message>
    <message>
        <source>The shift holds a record of service and cannot be deleted.</source>
        <translation>The shift holds a record of service and cannot be deleted.</translation>
    </message>
    <message>
        <source>The duty cannot be put back: the same duty was generated again meanwhile.</source>
        <translation>The duty cannot be put back: the same duty was generated again meanwhile.</translation>
    </message>
    <message>
        <source>Volunteers are on this shift; remove them first.</source>
        <translation>Volunteers are on this shift; remove them first.</translation>
    </message>
    <message>
        <source>The roster changed since the proposal was made, so nothing was written. Make a new proposal.</source>
        <translation>The roster changed since the proposal was made, so nothing was written. Make a new proposal.</translation>
    </message>
    <message>
        <source>The auto-fill was not found.</source>
        <translation>The auto-fill was not found.</translation>
    </message>
    <message>
        <source>This auto-fill was already undone.</source>
        <translation>This auto-fill was already undone.</translation>
    </message>
    <message>
        <source>The auto-fill cannot be undone: some of its duties already have attendance recorded.</source>
        <translation>The auto-fill cannot be undone: some of its duties already have attendance recorded.</translation>
    </message>
    <message>
        <source>No Chinese TrueType font was found for printing. Install the fonts-wqy-zenhei package (Linux) or choose a font file on the Print screen.</source>
        <translation>No Chinese TrueType font was found for printing. Install the fonts-wqy-zenhei package (Linux) or choose a font file on the Print screen.</translation>
    </message>
    <message>
        <source>The font file %1 does not exist.</source>
        <translation>The font file %1 does not exist.</translation>
    </message>
    <message>
        <source>The font file %1 cannot be used for printing; choose a TrueType Chinese font (.ttf or .ttc).</source>
        <translation>The font file %1 cannot be used for printing; choose a TrueType Chinese font (.ttf or .ttc).</translation>
    </message>
    <message>
        <source>%1 cannot be written (%2).</source>
        <translation>%1 cannot be written (%2).</translation>
    </message>
    <message>
        <source>Printing was cancelled.</source>
        <translation>Printing was cancelled.</translation>
    </message>
    <message>
        <source>The paper size is not known.</source>
        <translation>The paper size is not known.</translation>
    </message>
    <message>
        <source>The background job was not found.</source>
        <translation>The background job was not found.</translation>
    </message>
    <message>
        <source>This computer does not have the key of this database, so the change cannot be recorded in the audit log; nothing was saved. An administrator exports the key on a computer that has it (volunteer-app keys export FILE) and imports it here (volunteer-app keys import FILE).</source>
        <translation>This computer does not have the key of this database, so the change cannot be recorded in the audit log; nothing was saved. An administrator exports the key on a computer that has it (volunteer-app keys export FILE) and imports it here (volunteer-app keys import FILE).</translation>
    </message>
    <message>
        <source>The key on this computer is not the key of this database; nothing was saved. Import the right key file (volunteer-app keys import FILE).</source>
        <translation>The key on this computer is not the key of this database; nothing was saved. Import the right key file (volunteer-app keys import FILE).</translation>
    </message>
    <message>
        <source>A stored ID number does not open with this database&apos;s key: it was altered or copied from another database.</source>
        <translation>A stored ID number does not open with this database&apos;s key: it was altered or copied from another database.</translation>
    </message>
    <message>
        <source>%1 is not a key file of this app (%2).</source>
        <translation>%1 is not a key file of this app (%2).</translation>
    </message>
    <message>
        <source>The key could not be stored or written at %1 (%2).</source>
        <translation>The key could not be stored or written at %1 (%2).</translation>
    </message>
    <message>
        <source>This database holds data but its audit log was removed outside the app; nothing was saved. Restore the last good backup.</source>
        <translation>This database holds data but its audit log was removed outside the app; nothing was saved. Restore the last good backup.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <source>repeats row %1 of the file</source>
        <translation>repeats row %1 of the file</translation>
    </message>
    <message>
        <source>Row %1, column “%2”</source>
        <translation>Row %1, column “%2”</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Row %1</translation>
    </message>
    <message>
        <source>Column “%1”</source>
        <translation>Column “%1”</translation>
    </message>
    <message>
        <source>%1: “%2” %3</source>
        <translation>%1: “%2” %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>The file could not be read or written: %1</source>
        <translation>The file could not be read or written: %1</translation>
    </message>
    <message>
        <source>Unexpected error: %1: %2</source>
        <translation>Unexpected error: %1: %2</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>must be 1 to 40 characters without spaces</source>
        <translation>must be 1 to 40 characters without spaces</translation>
    </message>
    <message>
        <source>is already used by another operator</source>
        <translation>is already used by another operator</translation>
    </message>
    <message>
        <source>must be chosen for a team captain</source>
        <translation>must be chosen for a team captain</translation>
    </message>
    <message>
        <source>must have at least 8 characters</source>
        <translation>must have at least 8 characters</translation>
    </message>
    <message>
        <source>This is the last active administrator; make another operator administrator first.</source>
        <translation>This is the last active administrator; make another operator administrator first.</translation>
    </message>
    <message>
        <source>Operator accounts are already switched on.</source>
        <translation>Operator accounts are already switched on.</translation>
    </message>
    <message>
        <source>The operator was not found; they may have been removed meanwhile.</source>
        <translation>The operator was not found; they may have been removed meanwhile.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>lies in the future</source>
        <translation>lies in the future</translation>
    </message>
    <message>
        <source>is not a date</source>
        <translation>is not a date</translation>
    </message>
    <message>
        <source>is not a year</source>
        <translation>is not a year</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>volunteers-%1.xlsx</source>
        <translation>volunteers-%1.xlsx</translation>
    </message>
    <message>
        <source>Export volunteers</source>
        <translation>Export volunteers</translation>
    </message>
    <message>
        <source>%1 volunteers were written to %2.</source>
        <translation>%1 volunteers were written to %2.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>The export failed: %1</translation>
    </message>
    <message>
        <source>Portable archive, any database (*.vabak)</source>
        <translation>Portable archive, any database (*.vabak)</translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation>Back up database</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>Backups (*.db *.sqlite *.vabak);;All files (*)</source>
        <translation>Backups (*.db *.sqlite *.vabak);;All files (*)</translation>
    </message>
    <message>
        <source>%1 volunteers, %2 rows in all</source>
        <translation>%1 volunteers, %2 rows in all</translation>
    </message>
    <message>
        <source>Made %1; %2</source>
        <translation>Made %1; %2</translation>
    </message>
    <message>
        <source>Replace ALL data of the open database with the backup %1?

%2

The current data is kept as a safety copy first.</source>
        <translation>Replace ALL data of the open database with the backup %1?

%2

The current data is kept as a safety copy first.</translation>
    </message>
    <message>
        <source>The backup was restored. The data replaced is kept in %1.</source>
        <translation>The backup was restored. The data replaced is kept in %1.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nothing was changed: %1</translation>
    </message>
    <message>
        <source>Choose a different file: a backup cannot overwrite the open database.</source>
        <translation>Choose a different file: a backup cannot overwrite the open database.</translation>
    </message>
    <message>
        <source>Encrypted archive (*.vabak);;Unencrypted database copy, administrators only (*.db)</source>
        <translation>Encrypted archive (*.vabak);;Unencrypted database copy, administrators only (*.db)</translation>
    </message>
    <message>
        <source>The database was backed up to %1.</source>
        <translation>The database was backed up to %1.</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>The backup failed: %1</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Database files (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Database files (*.db *.sqlite *.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
</context>
<context>
    <name>GridDialog</name>
    <message>
        <source>New grid</source>
        <translation>New grid</translation>
    </message>
    <message>
        <source>Edit grid</source>
        <translation>Edit grid</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Area (compounds, buildings)</source>
        <translation>Area (compounds, buildings)</translation>
    </message>
    <message>
        <source>The “1+3” people of the grid</source>
        <translation>The “1+3” people of the grid</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>grid “%1”</source>
        <translation>grid “%1”</translation>
    </message>
    <message>
        <source>the new grid</source>
        <translation>the new grid</translation>
    </message>
</context>
<context>
    <name>GridPeople</name>
    <message>
        <source>Grid leader</source>
        <translation>Grid leader</translation>
    </message>
    <message>
        <source>Full-time grid worker</source>
        <translation>Full-time grid worker</translation>
    </message>
    <message>
        <source>Grid police officer</source>
        <translation>Grid police officer</translation>
    </message>
    <message>
        <source>Street grid instructor</source>
        <translation>Street grid instructor</translation>
    </message>
</context>
<context>
    <name>GridsView</name>
    <message>
        <source>Grids</source>
        <translation>Grids</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Grid leader</source>
        <translation>Grid leader</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <source>New grid…</source>
        <translation>New grid…</translation>
    </message>
    <message>
        <source>Edit grid and people…</source>
        <translation>Edit grid and people…</translation>
    </message>
    <message>
        <source>The “1+3” people</source>
        <translation>The “1+3” people</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>Party household</source>
        <translation>Party household</translation>
    </message>
    <message>
        <source>No grid yet</source>
        <translation>No grid yet</translation>
    </message>
    <message>
        <source>Create the grids of the community with “New grid”.</source>
        <translation>Create the grids of the community with “New grid”.</translation>
    </message>
    <message>
        <source>(no area described)</source>
        <translation>(no area described)</translation>
    </message>
    <message>
        <source>(vacant)</source>
        <translation>(vacant)</translation>
    </message>
    <message numerus="yes">
        <source>%n active volunteer(s) live in this grid</source>
        <translation>
            <numerusform>%n active volunteer lives in this grid</numerusform>
            <numerusform>%n active volunteers live in this grid</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
</context>
<context>
    <name>HolidayEffectsDialog</name>
    <message>
        <source>Duties affected by the holiday change</source>
        <translation>Duties affected by the holiday change</translation>
    </message>
    <message>
        <source>To remove:</source>
        <translation>To remove:</translation>
    </message>
    <message>
        <source>To add:</source>
        <translation>To add:</translation>
    </message>
    <message>
        <source>Kept (served or edited by hand):</source>
        <translation>Kept (served or edited by hand):</translation>
    </message>
    <message>
        <source>%1 duties to remove, %2 to add.</source>
        <translation>%1 duties to remove, %2 to add.</translation>
    </message>
    <message>
        <source>Planned on the duties to remove: %1</source>
        <translation>Planned on the duties to remove: %1</translation>
    </message>
    <message>
        <source>Apply and change the duties</source>
        <translation>Apply and change the duties</translation>
    </message>
    <message>
        <source>Change the table only</source>
        <translation>Change the table only</translation>
    </message>
    <message>
        <source>planned: %1</source>
        <translation>planned: %1</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>Holidays and make-up working days</source>
        <translation>Holidays and make-up working days</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Holiday (day off)</source>
        <translation>Holiday (day off)</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <source>Name, e.g. 藏历新年</source>
        <translation>Name, e.g. 藏历新年</translation>
    </message>
    <message>
        <source>Add / change</source>
        <translation>Add / change</translation>
    </message>
    <message>
        <source>Make ordinary day</source>
        <translation>Make ordinary day</translation>
    </message>
    <message>
        <source>Undo last change</source>
        <translation>Undo last change</translation>
    </message>
    <message>
        <source>Mark year complete</source>
        <translation>Mark year complete</translation>
    </message>
    <message>
        <source>Declare that the table now holds this year&apos;s official schedule (removes the notice)</source>
        <translation>Declare that the table now holds this year&apos;s official schedule (removes the notice)</translation>
    </message>
    <message>
        <source>the holiday entry for %1</source>
        <translation>the holiday entry for %1</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Official schedule from chinese_calendar; your changes are kept.</source>
        <translation>Official schedule from chinese_calendar; your changes are kept.</translation>
    </message>
    <message>
        <source>Entered by hand and marked complete.</source>
        <translation>Entered by hand and marked complete.</translation>
    </message>
    <message>
        <source>No official data for this year yet: the days marked estimated are computed from the lunar calendar (bridging days and make-up working days are not). Enter the published schedule, then mark the year complete.</source>
        <translation>No official data for this year yet: the days marked estimated are computed from the lunar calendar (bridging days and make-up working days are not). Enter the published schedule, then mark the year complete.</translation>
    </message>
    <message>
        <source>No official data for this year yet: planning uses weekends plus the days below. Enter the published schedule, then mark the year complete.</source>
        <translation>No official data for this year yet: planning uses weekends plus the days below. Enter the published schedule, then mark the year complete.</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>chinese_calendar</source>
        <translation>chinese_calendar</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>estimated</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>by hand</translation>
    </message>
    <message>
        <source>Applied: %1 duties removed, %2 added. Undo last change takes it back.</source>
        <translation>Applied: %1 duties removed, %2 added. Undo last change takes it back.</translation>
    </message>
</context>
<context>
    <name>HoursModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Duty / reason</source>
        <translation>Duty / reason</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>Verified by</translation>
    </message>
    <message>
        <source>Verified at</source>
        <translation>Verified at</translation>
    </message>
    <message>
        <source>Corrects</source>
        <translation>Corrects</translation>
    </message>
    <message>
        <source>Shift check-in</source>
        <translation>Shift check-in</translation>
    </message>
    <message>
        <source>Resident request</source>
        <translation>Resident request</translation>
    </message>
    <message>
        <source>Entered by hand</source>
        <translation>Entered by hand</translation>
    </message>
    <message>
        <source>did not come (no-show)</source>
        <translation>did not come (no-show)</translation>
    </message>
    <message>
        <source>check-in times changed</source>
        <translation>check-in times changed</translation>
    </message>
    <message>
        <source>hours of the request changed</source>
        <translation>hours of the request changed</translation>
    </message>
    <message>
        <source>Corrected by No. %1</source>
        <translation>Corrected by No. %1</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Awaiting verification</source>
        <translation>Awaiting verification</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>%1 (reason: %2)</source>
        <translation>%1 (reason: %2)</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>Recorded %1 by %2</source>
        <translation>Recorded %1 by %2</translation>
    </message>
    <message>
        <source>Verified %1 by %2</source>
        <translation>Verified %1 by %2</translation>
    </message>
    <message>
        <source>Served %1 – %2</source>
        <translation>Served %1 – %2</translation>
    </message>
</context>
<context>
    <name>HoursView</name>
    <message>
        <source>Service hours</source>
        <translation>Service hours</translation>
    </message>
    <message>
        <source>Any month</source>
        <translation>Any month</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>All teams</translation>
    </message>
    <message>
        <source>All entries</source>
        <translation>All entries</translation>
    </message>
    <message>
        <source>Awaiting verification</source>
        <translation>Awaiting verification</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Volunteer: name, pinyin, initials or phone digits</source>
        <translation>Volunteer: name, pinyin, initials or phone digits</translation>
    </message>
    <message>
        <source>Show corrected entries</source>
        <translation>Show corrected entries</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Add hours by hand…</source>
        <translation>Add hours by hand…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>Verify month…</source>
        <translation>Verify month…</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Export report…</translation>
    </message>
    <message>
        <source>The month&apos;s report as an Excel workbook (every team) or a PDF statement (the team chosen above).</source>
        <translation>The month&apos;s report as an Excel workbook (every team) or a PDF statement (the team chosen above).</translation>
    </message>
    <message>
        <source>Yearly certificate…</source>
        <translation>Yearly certificate…</translation>
    </message>
    <message>
        <source>A certificate of the chosen volunteer&apos;s verified hours in a year (PDF).</source>
        <translation>A certificate of the chosen volunteer&apos;s verified hours in a year (PDF).</translation>
    </message>
    <message>
        <source>Hours per volunteer</source>
        <translation>Hours per volunteer</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Awaiting</source>
        <translation>Awaiting</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Entries</translation>
    </message>
    <message>
        <source>Figures are hours. Only verified hours count in reports and certificates.</source>
        <translation>Figures are hours. Only verified hours count in reports and certificates.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; hours verified · %2 awaiting verification</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; hours verified · %2 awaiting verification</translation>
    </message>
    <message>
        <source>Entry No. %1 was saved; it awaits verification.</source>
        <translation>Entry No. %1 was saved; it awaits verification.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries of the month were verified.</source>
        <translation>
            <numerusform>%n entry of the month was verified.</numerusform>
            <numerusform>%n entries of the month were verified.</numerusform>
        </translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF statement (*.pdf)</source>
        <translation>PDF statement (*.pdf)</translation>
    </message>
    <message>
        <source>Export the hours report</source>
        <translation>Export the hours report</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <source>Choose a file ending in .xlsx or .pdf.</source>
        <translation>Choose a file ending in .xlsx or .pdf.</translation>
    </message>
    <message>
        <source>Writing the PDF statement…</source>
        <translation>Writing the PDF statement…</translation>
    </message>
    <message>
        <source>Save the certificate</source>
        <translation>Save the certificate</translation>
    </message>
    <message>
        <source>PDF file (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the certificate…</source>
        <translation>Writing the certificate…</translation>
    </message>
    <message>
        <source>Certificate of %1 for %2 (%3 verified hours) saved to %4.</source>
        <translation>Certificate of %1 for %2 (%3 verified hours) saved to %4.</translation>
    </message>
    <message>
        <source>Report of %1 saved to %2: %3 volunteers, %4 verified hours, %5 hours awaiting verification.</source>
        <translation>Report of %1 saved to %2: %3 volunteers, %4 verified hours, %5 hours awaiting verification.</translation>
    </message>
    <message>
        <source>PDF statement saved to %1 (%2 pages).</source>
        <translation>PDF statement saved to %1 (%2 pages).</translation>
    </message>
    <message>
        <source>No usable Chinese TrueType font was found for the PDF. Install fonts-wqy-zenhei (Linux) or choose a font file on the Print screen.</source>
        <translation>No usable Chinese TrueType font was found for the PDF. Install fonts-wqy-zenhei (Linux) or choose a font file on the Print screen.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import volunteers</source>
        <translation>Import volunteers</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Save an empty template…</source>
        <translation>Save an empty template…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) or CSV file with a header row: %1. Name and mobile phone are required; several teams in one cell are separated by 、. All rows are imported, or none.</source>
        <translation>An Excel workbook (.xlsx) or CSV file with a header row: %1. Name and mobile phone are required; several teams in one cell are separated by 、. All rows are imported, or none.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Create the teams and grids the file names that do not exist yet</source>
        <translation>Create the teams and grids the file names that do not exist yet</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Name in that row</source>
        <translation>Name in that row</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Rows in the file</source>
        <translation>Rows in the file</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Choose the file to import. Nothing is written before you confirm.</source>
        <translation>Choose the file to import. Nothing is written before you confirm.</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv);;Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
    </message>
    <message>
        <source>Save an empty template</source>
        <translation>Save an empty template</translation>
    </message>
    <message>
        <source>volunteers-template.xlsx</source>
        <translation>volunteers-template.xlsx</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <source>Reading rows: %v of %m</source>
        <translation>Reading rows: %v of %m</translation>
    </message>
    <message>
        <source>The file is fine: %1 volunteers are ready to be imported. Check the rows, then confirm.</source>
        <translation>The file is fine: %1 volunteers are ready to be imported. Check the rows, then confirm.</translation>
    </message>
    <message>
        <source>New teams to create: %1. New grids to create: %2.</source>
        <translation>New teams to create: %1. New grids to create: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Import %n volunteer(s)</source>
        <translation>
            <numerusform>Import %n volunteer</numerusform>
            <numerusform>Import %n volunteers</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing can be imported yet: %1 problems in %2 of %3 rows (listed below). Correct the file and choose it again; nothing was written.</source>
        <translation>Nothing can be imported yet: %1 problems in %2 of %3 rows (listed below). Correct the file and choose it again; nothing was written.</translation>
    </message>
    <message>
        <source>Checking was cancelled; nothing was written.</source>
        <translation>Checking was cancelled; nothing was written.</translation>
    </message>
    <message>
        <source>The file cannot be read (see below); nothing was written.</source>
        <translation>The file cannot be read (see below); nothing was written.</translation>
    </message>
    <message>
        <source>repeats row %1 of the file</source>
        <translation>repeats row %1 of the file</translation>
    </message>
    <message>
        <source>“%1” %2</source>
        <translation>“%1” %2</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problems (%1)</translation>
    </message>
    <message>
        <source>Rows in the file (%1)</source>
        <translation>Rows in the file (%1)</translation>
    </message>
    <message>
        <source>Writing %1 volunteers…</source>
        <translation>Writing %1 volunteers…</translation>
    </message>
    <message>
        <source>Writing to the database; please wait…</source>
        <translation>Writing to the database; please wait…</translation>
    </message>
    <message>
        <source>%1 volunteers were imported.</source>
        <translation>%1 volunteers were imported.</translation>
    </message>
    <message>
        <source>The register changed since the file was checked (e.g. a mobile number was registered meanwhile). Nothing was written; checking again…</source>
        <translation>The register changed since the file was checked (e.g. a mobile number was registered meanwhile). Nothing was written; checking again…</translation>
    </message>
    <message>
        <source>The import failed and nothing was written: %1</source>
        <translation>The import failed and nothing was written: %1</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <source>Upcoming-duty reminders</source>
        <translation>Upcoming-duty reminders</translation>
    </message>
    <message>
        <source>Unfilled-shift alerts</source>
        <translation>Unfilled-shift alerts</translation>
    </message>
    <message>
        <source>Overdue residents&apos; requests</source>
        <translation>Overdue residents&apos; requests</translation>
    </message>
    <message>
        <source>Weekly plan from the duty templates</source>
        <translation>Weekly plan from the duty templates</translation>
    </message>
    <message>
        <source>Nightly database backup</source>
        <translation>Nightly database backup</translation>
    </message>
    <message>
        <source>Nightly audit-log check</source>
        <translation>Nightly audit-log check</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>not available</translation>
    </message>
    <message>
        <source>already done</source>
        <translation>already done</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>residents&apos; requests are not part of this version</source>
        <translation>residents&apos; requests are not part of this version</translation>
    </message>
    <message>
        <source>only database files on this computer are backed up by this job</source>
        <translation>only database files on this computer are backed up by this job</translation>
    </message>
    <message>
        <source>missed while the app was closed</source>
        <translation>missed while the app was closed</translation>
    </message>
    <message>
        <source>an unexpected error; the log has the details</source>
        <translation>an unexpected error; the log has the details</translation>
    </message>
    <message>
        <source>the database is damaged, so no backup was made (the older backups are kept); restore the newest good one into a new file</source>
        <translation>the database is damaged, so no backup was made (the older backups are kept); restore the newest good one into a new file</translation>
    </message>
    <message>
        <source>the audit log, or the settings, operators and hours it protects, were changed outside the app</source>
        <translation>the audit log, or the settings, operators and hours it protects, were changed outside the app</translation>
    </message>
    <message>
        <source>this computer does not have the database&apos;s key, so the audit log cannot be checked</source>
        <translation>this computer does not have the database&apos;s key, so the audit log cannot be checked</translation>
    </message>
    <message>
        <source>the key on this computer is not this database&apos;s key</source>
        <translation>the key on this computer is not this database&apos;s key</translation>
    </message>
    <message>
        <source>The audit log does not match its chain: %1 problem(s), first entry #%2</source>
        <translation>The audit log does not match its chain: %1 problem(s), first entry #%2</translation>
    </message>
    <message>
        <source>Week %1 was planned with the %2 holidays not confirmed (estimated or weekends only); check the holiday table</source>
        <translation>Week %1 was planned with the %2 holidays not confirmed (estimated or weekends only); check the holiday table</translation>
    </message>
    <message>
        <source>%1 next day</source>
        <translation>%1 next day</translation>
    </message>
    <message>
        <source>%1: duty %2 %3 (reminded %4 min before)</source>
        <translation>%1: duty %2 %3 (reminded %4 min before)</translation>
    </message>
    <message>
        <source>%1 %2 needs %3 more (%4 of %5 filled)</source>
        <translation>%1 %2 needs %3 more (%4 of %5 filled)</translation>
    </message>
    <message>
        <source>Request of %1 (%2) is %3 h overdue</source>
        <translation>Request of %1 (%2) is %3 h overdue</translation>
    </message>
    <message>
        <source>Week %1: %2 shifts made from the templates (%3 were there)</source>
        <translation>Week %1: %2 shifts made from the templates (%3 were there)</translation>
    </message>
    <message>
        <source>Backup written: %1 (%2 old copies removed)</source>
        <translation>Backup written: %1 (%2 old copies removed)</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 failed</translation>
    </message>
    <message numerus="yes">
        <source>%n duty reminder(s)</source>
        <translation>
            <numerusform>%n duty reminder</numerusform>
            <numerusform>%n duty reminders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shift(s) short of volunteers</source>
        <translation>
            <numerusform>%n shift short of volunteers</numerusform>
            <numerusform>%n shifts short of volunteers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue request(s)</source>
        <translation>
            <numerusform>%n overdue request</numerusform>
            <numerusform>%n overdue requests</numerusform>
        </translation>
    </message>
    <message>
        <source>... and %1 more</source>
        <translation>... and %1 more</translation>
    </message>
    <message>
        <source>Volunteer brigade scheduler: reminders are on</source>
        <translation>Volunteer brigade scheduler: reminders are on</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>JobsSettingsWidget</name>
    <message>
        <source>Reminders and background jobs</source>
        <translation>Reminders and background jobs</translation>
    </message>
    <message>
        <source>The jobs run while the app is open. A job that was due while the app was closed runs once at the next start, if it is still useful. These settings are shared by every computer of the office.</source>
        <translation>The jobs run while the app is open. A job that was due while the app was closed runs once at the next start, if it is still useful. These settings are shared by every computer of the office.</translation>
    </message>
    <message>
        <source>Save job settings</source>
        <translation>Save job settings</translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>every minute</numerusform>
            <numerusform>every %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>daily at</source>
        <translation>daily at</translation>
    </message>
    <message>
        <source>e.g. 24h, 2h</source>
        <translation>e.g. 24h, 2h</translation>
    </message>
    <message>
        <source>How long before a duty volunteers are reminded</source>
        <translation>How long before a duty volunteers are reminded</translation>
    </message>
    <message>
        <source>Per team…</source>
        <translation>Per team…</translation>
    </message>
    <message>
        <source>before the duty:</source>
        <translation>before the duty:</translation>
    </message>
    <message>
        <source> h from now</source>
        <translation> h from now</translation>
    </message>
    <message>
        <source>alert for shifts starting within</source>
        <translation>alert for shifts starting within</translation>
    </message>
    <message>
        <source>makes next week&apos;s shifts from the duty templates</source>
        <translation>makes next week&apos;s shifts from the duty templates</translation>
    </message>
    <message>
        <source> copies</source>
        <translation> copies</translation>
    </message>
    <message>
        <source>folder “backups” beside the database</source>
        <translation>folder “backups” beside the database</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>keep</source>
        <translation>keep</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Run now</translation>
    </message>
    <message numerus="yes">
        <source>Per team (%n)…</source>
        <translation>
            <numerusform>Per team (%n)…</numerusform>
            <numerusform>Per team (%n)…</numerusform>
        </translation>
    </message>
    <message>
        <source>next %1</source>
        <translation>next %1</translation>
    </message>
    <message>
        <source>last %1 %2</source>
        <translation>last %1 %2</translation>
    </message>
    <message>
        <source>not run yet</source>
        <translation>not run yet</translation>
    </message>
    <message>
        <source>Folder for the nightly backups</source>
        <translation>Folder for the nightly backups</translation>
    </message>
    <message>
        <source>Saved. The jobs run on the new schedule.</source>
        <translation>Saved. The jobs run on the new schedule.</translation>
    </message>
    <message>
        <source>Lead times must be 1 to 5 values like 24h, 2h or 90m, each at most 7 days.</source>
        <translation>Lead times must be 1 to 5 values like 24h, 2h or 90m, each at most 7 days.</translation>
    </message>
    <message>
        <source>A team&apos;s lead times must be like 24h, 2h or 90m.</source>
        <translation>A team&apos;s lead times must be like 24h, 2h or 90m.</translation>
    </message>
    <message>
        <source>The alert window must be 1 to 336 hours.</source>
        <translation>The alert window must be 1 to 336 hours.</translation>
    </message>
    <message>
        <source>Keep between 1 and 365 backups.</source>
        <translation>Keep between 1 and 365 backups.</translation>
    </message>
    <message>
        <source>%1 is not valid.</source>
        <translation>%1 is not valid.</translation>
    </message>
    <message>
        <source>%1 is running…</source>
        <translation>%1 is running…</translation>
    </message>
    <message numerus="yes">
        <source>(%n new notice(s))</source>
        <translation>
            <numerusform>(%n new notice)</numerusform>
            <numerusform>(%n new notices)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>Mark as left</source>
        <translation>Mark as left</translation>
    </message>
    <message>
        <source>%1 will be marked as having left. Their history (duties, hours, requests) is kept, and they can be restored later.</source>
        <translation>%1 will be marked as having left. Their history (duties, hours, requests) is kept, and they can be restored later.</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>Left on</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>This database requires operators to log in.</source>
        <translation>This database requires operators to log in.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>This account is locked after too many wrong passwords. Try again after %1 or ask an administrator to unlock it.</source>
        <translation>This account is locked after too many wrong passwords. Try again after %1 or ask an administrator to unlock it.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>Shared database without accounts</source>
        <translation>Shared database without accounts</translation>
    </message>
    <message>
        <source>This database is on a server and may be shared by several PCs, but operator accounts are switched off: everyone may see and change everything, and the audit log cannot tell who did what.

An administrator should switch accounts on in 操作员 (Operators).</source>
        <translation>This database is on a server and may be shared by several PCs, but operator accounts are switched off: everyone may see and change everything, and the audit log cannot tell who did what.

An administrator should switch accounts on in 操作员 (Operators).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Opening %1…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;New database…</translation>
    </message>
    <message>
        <source>&amp;Import volunteers…</source>
        <translation>&amp;Import volunteers…</translation>
    </message>
    <message>
        <source>&amp;Export volunteers…</source>
        <translation>&amp;Export volunteers…</translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation>&amp;Back up database…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Recent databases</source>
        <translation>Recent databases</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <source>Volunteer Brigade Scheduler</source>
        <translation>Volunteer Brigade Scheduler</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>This computer does not have the key of this database, so changes cannot be recorded in its audit log. An administrator exports the key on a computer that has it (volunteer-app keys export FILE) and imports it here (volunteer-app keys import FILE).</source>
        <translation>This computer does not have the key of this database, so changes cannot be recorded in its audit log. An administrator exports the key on a computer that has it (volunteer-app keys export FILE) and imports it here (volunteer-app keys import FILE).</translation>
    </message>
    <message>
        <source>The key on this computer is not the key of this database: its audit log can neither be checked nor extended. Import the right key file (volunteer-app keys import FILE).</source>
        <translation>The key on this computer is not the key of this database: its audit log can neither be checked nor extended. Import the right key file (volunteer-app keys import FILE).</translation>
    </message>
    <message>
        <source>Warning: the audit log does not match its chain (%1 problem(s), first entry #%2). The audit log, the security settings, the operators or the hours ledger were changed outside the app. An administrator sees the details with: volunteer-app audit verify</source>
        <translation>Warning: the audit log does not match its chain (%1 problem(s), first entry #%2). The audit log, the security settings, the operators or the hours ledger were changed outside the app. An administrator sees the details with: volunteer-app audit verify</translation>
    </message>
    <message>
        <source>Volunteers: %1 active, %2 left  ·  Teams: %3  ·  Grids: %4</source>
        <translation>Volunteers: %1 active, %2 left  ·  Teams: %3  ·  Grids: %4</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Volunteer Brigade Scheduler %1&lt;/h3&gt;&lt;p&gt;Registers of volunteers, teams and grids, shift planning, residents&apos; requests and printouts for a community office.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Volunteer Brigade Scheduler %1&lt;/h3&gt;&lt;p&gt;Registers of volunteers, teams and grids, shift planning, residents&apos; requests and printouts for a community office.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ManualEntryDialog</name>
    <message>
        <source>Add hours by hand</source>
        <translation>Add hours by hand</translation>
    </message>
    <message>
        <source>For service without a shift or request, e.g. an event. The entry awaits verification by a captain or coordinator before it counts.</source>
        <translation>For service without a shift or request, e.g. an event. The entry awaits verification by a captain or coordinator before it counts.</translation>
    </message>
    <message>
        <source>Search name, pinyin, initials or phone digits</source>
        <translation>Search name, pinyin, initials or phone digits</translation>
    </message>
    <message>
        <source>No volunteer chosen yet.</source>
        <translation>No volunteer chosen yet.</translation>
    </message>
    <message>
        <source>e.g. 1.5</source>
        <translation>e.g. 1.5</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>(no team)</translation>
    </message>
    <message>
        <source>What was done, e.g. 垃圾分类宣传活动</source>
        <translation>What was done, e.g. 垃圾分类宣传活动</translation>
    </message>
    <message>
        <source>Why by hand, e.g. event without a shift</source>
        <translation>Why by hand, e.g. event without a shift</translation>
    </message>
    <message>
        <source>Volunteer *</source>
        <translation>Volunteer *</translation>
    </message>
    <message>
        <source>Date served *</source>
        <translation>Date served *</translation>
    </message>
    <message>
        <source>Hours *</source>
        <translation>Hours *</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>the new hours entry of %1</source>
        <translation>the new hours entry of %1</translation>
    </message>
    <message>
        <source>the new hours entry</source>
        <translation>the new hours entry</translation>
    </message>
    <message>
        <source>(left)</source>
        <translation>(left)</translation>
    </message>
    <message>
        <source>… and %1 more: type more of the name</source>
        <translation>… and %1 more: type more of the name</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Chosen: %1</translation>
    </message>
</context>
<context>
    <name>MemberPickerDialog</name>
    <message>
        <source>Add members to %1</source>
        <translation>Add members to %1</translation>
    </message>
    <message>
        <source>Search name, pinyin, initials or phone digits</source>
        <translation>Search name, pinyin, initials or phone digits</translation>
    </message>
    <message>
        <source>Tick the volunteers to add (Space ticks the selected rows). Ticks are kept when you search again.</source>
        <translation>Tick the volunteers to add (Space ticks the selected rows). Ticks are kept when you search again.</translation>
    </message>
    <message>
        <source>Role in the team</source>
        <translation>Role in the team</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>Chosen: %1</translation>
    </message>
    <message>
        <source>No one chosen yet.</source>
        <translation>No one chosen yet.</translation>
    </message>
    <message numerus="yes">
        <source>Add %n volunteer(s)</source>
        <translation>
            <numerusform>Add %n volunteer</numerusform>
            <numerusform>Add %n volunteers</numerusform>
        </translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>OneOffShiftDialog</name>
    <message>
        <source>New one-off duty</source>
        <translation>New one-off duty</translation>
    </message>
    <message>
        <source>e.g. Mid-Autumn garden party stewards</source>
        <translation>e.g. Mid-Autumn garden party stewards</translation>
    </message>
    <message>
        <source>A one-off duty comes from no template: generating the week leaves it alone.</source>
        <translation>A one-off duty comes from no template: generating the week leaves it alone.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Duty type</source>
        <translation>Duty type</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>People needed</source>
        <translation>People needed</translation>
    </message>
    <message>
        <source>Add duty</source>
        <translation>Add duty</translation>
    </message>
    <message>
        <source>the new one-off duty</source>
        <translation>the new one-off duty</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>(no team)</translation>
    </message>
    <message>
        <source>(no grid)</source>
        <translation>(no grid)</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>New operator</source>
        <translation>New operator</translation>
    </message>
    <message>
        <source>Edit operator</source>
        <translation>Edit operator</translation>
    </message>
    <message>
        <source>(choose the team)</source>
        <translation>(choose the team)</translation>
    </message>
    <message>
        <source>May log in</source>
        <translation>May log in</translation>
    </message>
    <message>
        <source>leave empty to keep the password</source>
        <translation>leave empty to keep the password</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Team (captains)</source>
        <translation>Team (captains)</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>operator “%1”</source>
        <translation>operator “%1”</translation>
    </message>
    <message>
        <source>the new operator</source>
        <translation>the new operator</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>OperatorsView</name>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Coordinator</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Team captain</source>
        <translation>Team captain</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operators</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>New operator…</source>
        <translation>New operator…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Operator accounts are on: everyone logs in and may do only what their role allows; every change is recorded with their name.</source>
        <translation>Operator accounts are on: everyone logs in and may do only what their role allows; every change is recorded with their name.</translation>
    </message>
    <message>
        <source>Operator accounts are off (single-user mode): whoever uses this PC may do everything. Switch them on when several people or PCs share this database.</source>
        <translation>Operator accounts are off (single-user mode): whoever uses this PC may do everything. Switch them on when several people or PCs share this database.</translation>
    </message>
    <message>
        <source>Switch accounts off…</source>
        <translation>Switch accounts off…</translation>
    </message>
    <message>
        <source>Switch accounts on…</source>
        <translation>Switch accounts on…</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Switch accounts off</source>
        <translation>Switch accounts off</translation>
    </message>
    <message>
        <source>Switch operator accounts off? Whoever uses this PC may then do everything without logging in. The operators are kept for when accounts are switched on again.</source>
        <translation>Switch operator accounts off? Whoever uses this PC may then do everything without logging in. The operators are kept for when accounts are switched on again.</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <source>Residents&apos; requests</source>
        <translation>Residents&apos; requests</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Month counts</source>
        <translation>Month counts</translation>
    </message>
    <message>
        <source>Open or awaiting follow-up</source>
        <translation>Open or awaiting follow-up</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>All grids</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>All teams</translation>
    </message>
    <message>
        <source>Any month</source>
        <translation>Any month</translation>
    </message>
    <message>
        <source>Search resident, phone, building, text</source>
        <translation>Search resident, phone, building, text</translation>
    </message>
    <message>
        <source>New request…</source>
        <translation>New request…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Correct what was taken in (open requests only)</source>
        <translation>Correct what was taken in (open requests only)</translation>
    </message>
    <message>
        <source>Print slip…</source>
        <translation>Print slip…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Team / volunteer</source>
        <translation>Team / volunteer</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (overdue)</translation>
    </message>
    <message numerus="yes">
        <source>%n requests</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>(no grid)</source>
        <translation>(no grid)</translation>
    </message>
    <message>
        <source>%1 requests received in %2: %3 done on time, %4 done late, %5 open and overdue, %6 cancelled. Average satisfaction %7 (%8 follow-ups).</source>
        <translation>%1 requests received in %2: %3 done on time, %4 done late, %5 open and overdue, %6 cancelled. Average satisfaction %7 (%8 follow-ups).</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>Request %1</translation>
    </message>
    <message>
        <source>No request chosen</source>
        <translation>No request chosen</translation>
    </message>
    <message>
        <source>Choose a request to see its details and history, or take in a new one.</source>
        <translation>Choose a request to see its details and history, or take in a new one.</translation>
    </message>
    <message>
        <source>Request %1: %2</source>
        <translation>Request %1: %2</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 by %2</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Overdue: the due time has passed.</source>
        <translation>Overdue: the due time has passed.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Follow-up remark</source>
        <translation>Follow-up remark</translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation>Reason for cancelling</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Hours of this request were written to the ledger; a captain or coordinator verifies them.</source>
        <translation>Hours of this request were written to the ledger; a captain or coordinator verifies them.</translation>
    </message>
    <message>
        <source>request-%1.pdf</source>
        <translation>request-%1.pdf</translation>
    </message>
    <message>
        <source>Print request slip</source>
        <translation>Print request slip</translation>
    </message>
    <message>
        <source>PDF file (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>The slip was saved to %1.</source>
        <translation>The slip was saved to %1.</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Assign despite conflicts?</source>
        <translation>Assign despite conflicts?</translation>
    </message>
    <message>
        <source>%1 cannot normally take this shift:</source>
        <translation>%1 cannot normally take this shift:</translation>
    </message>
    <message>
        <source>Reason for assigning anyway (kept with the assignment):</source>
        <translation>Reason for assigning anyway (kept with the assignment):</translation>
    </message>
    <message>
        <source>e.g. the captain agreed by phone</source>
        <translation>e.g. the captain agreed by phone</translation>
    </message>
    <message>
        <source>Assign anyway</source>
        <translation>Assign anyway</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>Protect the backup</source>
        <translation>Protect the backup</translation>
    </message>
    <message>
        <source>The backup is encrypted. With a passphrase (at least %1 characters) it opens on any PC for whoever knows it. Left empty, it is encrypted with this database&apos;s key and opens only on a PC holding that key (export the key for safe keeping).</source>
        <translation>The backup is encrypted. With a passphrase (at least %1 characters) it opens on any PC for whoever knows it. Left empty, it is encrypted with this database&apos;s key and opens only on a PC holding that key (export the key for safe keeping).</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Again:</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>At least %1 characters, please.</source>
        <translation>At least %1 characters, please.</translation>
    </message>
    <message>
        <source>Encrypted backup</source>
        <translation>Encrypted backup</translation>
    </message>
    <message>
        <source>Passphrase of %1:</source>
        <translation>Passphrase of %1:</translation>
    </message>
</context>
<context>
    <name>PlannerView</name>
    <message>
        <source>Patrol</source>
        <translation>Patrol</translation>
    </message>
    <message>
        <source>Daily small inspection</source>
        <translation>Daily small inspection</translation>
    </message>
    <message>
        <source>Weekly big inspection</source>
        <translation>Weekly big inspection</translation>
    </message>
    <message>
        <source>Civility persuasion</source>
        <translation>Civility persuasion</translation>
    </message>
    <message>
        <source>Publicity</source>
        <translation>Publicity</translation>
    </message>
    <message>
        <source>Cleanup</source>
        <translation>Cleanup</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Other duty</source>
        <translation>Other duty</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No-show</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>has left (inactive)</source>
        <translation>has left (inactive)</translation>
    </message>
    <message>
        <source>on leave or unavailable that day</source>
        <translation>on leave or unavailable that day</translation>
    </message>
    <message>
        <source>not a member of the shift&apos;s team</source>
        <translation>not a member of the shift&apos;s team</translation>
    </message>
    <message>
        <source>already on another shift at that time</source>
        <translation>already on another shift at that time</translation>
    </message>
    <message>
        <source>the shift is already full</source>
        <translation>the shift is already full</translation>
    </message>
    <message>
        <source>outside their available times</source>
        <translation>outside their available times</translation>
    </message>
    <message>
        <source>over their weekly maximum</source>
        <translation>over their weekly maximum</translation>
    </message>
    <message>
        <source>over their daily maximum</source>
        <translation>over their daily maximum</translation>
    </message>
    <message>
        <source>less than 8 hours&apos; rest between shifts</source>
        <translation>less than 8 hours&apos; rest between shifts</translation>
    </message>
    <message>
        <source>New Year&apos;s Day</source>
        <translation>New Year&apos;s Day</translation>
    </message>
    <message>
        <source>Spring Festival</source>
        <translation>Spring Festival</translation>
    </message>
    <message>
        <source>Qingming Festival</source>
        <translation>Qingming Festival</translation>
    </message>
    <message>
        <source>Labour Day</source>
        <translation>Labour Day</translation>
    </message>
    <message>
        <source>Dragon Boat Festival</source>
        <translation>Dragon Boat Festival</translation>
    </message>
    <message>
        <source>National Day</source>
        <translation>National Day</translation>
    </message>
    <message>
        <source>Mid-Autumn Festival</source>
        <translation>Mid-Autumn Festival</translation>
    </message>
    <message>
        <source>Victory Day (70th anniversary)</source>
        <translation>Victory Day (70th anniversary)</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>The volunteer is already on this shift.</source>
        <translation>The volunteer is already on this shift.</translation>
    </message>
    <message>
        <source>This duty is already checked in, completed or marked no-show; change its status instead of removing it.</source>
        <translation>This duty is already checked in, completed or marked no-show; change its status instead of removing it.</translation>
    </message>
    <message>
        <source>The volunteer is no longer on this shift.</source>
        <translation>The volunteer is no longer on this shift.</translation>
    </message>
    <message>
        <source>That duty assignment no longer exists; reload and try again.</source>
        <translation>That duty assignment no longer exists; reload and try again.</translation>
    </message>
    <message>
        <source>That duty was not released, so it cannot be given back.</source>
        <translation>That duty was not released, so it cannot be given back.</translation>
    </message>
    <message>
        <source>The shift no longer exists; it may have been deleted meanwhile.</source>
        <translation>The shift no longer exists; it may have been deleted meanwhile.</translation>
    </message>
    <message>
        <source>The duty&apos;s status cannot be changed that way.</source>
        <translation>The duty&apos;s status cannot be changed that way.</translation>
    </message>
    <message>
        <source>%1 (%2 of at most %3)</source>
        <translation>%1 (%2 of at most %3)</translation>
    </message>
    <message>
        <source>%1 (%2 h)</source>
        <translation>%1 (%2 h)</translation>
    </message>
    <message>
        <source>%1 (%2 to %3)</source>
        <translation>%1 (%2 to %3)</translation>
    </message>
    <message>
        <source>The generated shifts already have volunteers on them.</source>
        <translation>The generated shifts already have volunteers on them.</translation>
    </message>
    <message>
        <source> (+1 day)</source>
        <translation> (+1 day)</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 open</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Every day</translation>
    </message>
    <message>
        <source>Mon–Fri</source>
        <translation>Mon–Fri</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ Previous week</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>Next week ▶</translation>
    </message>
    <message>
        <source>Go to the week of a date</source>
        <translation>Go to the week of a date</translation>
    </message>
    <message>
        <source>Rows: teams</source>
        <translation>Rows: teams</translation>
    </message>
    <message>
        <source>Rows: grids</source>
        <translation>Rows: grids</translation>
    </message>
    <message>
        <source>Generate from templates</source>
        <translation>Generate from templates</translation>
    </message>
    <message>
        <source>Create this week&apos;s shifts from the recurring duty templates (shifts already there are kept)</source>
        <translation>Create this week&apos;s shifts from the recurring duty templates (shifts already there are kept)</translation>
    </message>
    <message>
        <source>Duty templates…</source>
        <translation>Duty templates…</translation>
    </message>
    <message>
        <source>Recurring duties the week&apos;s shifts are generated from</source>
        <translation>Recurring duties the week&apos;s shifts are generated from</translation>
    </message>
    <message>
        <source>Holidays…</source>
        <translation>Holidays…</translation>
    </message>
    <message>
        <source>Statutory holidays and make-up working days (editable)</source>
        <translation>Statutory holidays and make-up working days (editable)</translation>
    </message>
    <message>
        <source>Copy previous week</source>
        <translation>Copy previous week</translation>
    </message>
    <message>
        <source>Put last week&apos;s volunteers on this week&apos;s matching shifts (checked for conflicts)</source>
        <translation>Put last week&apos;s volunteers on this week&apos;s matching shifts (checked for conflicts)</translation>
    </message>
    <message>
        <source>Add one-off duty…</source>
        <translation>Add one-off duty…</translation>
    </message>
    <message>
        <source>An event or duty that comes from no template</source>
        <translation>An event or duty that comes from no template</translation>
    </message>
    <message>
        <source>Batch history…</source>
        <translation>Batch history…</translation>
    </message>
    <message>
        <source>Generation runs, copied weeks and applied auto-fills, each with what it did; undo one</source>
        <translation>Generation runs, copied weeks and applied auto-fills, each with what it did; undo one</translation>
    </message>
    <message>
        <source>Auto-fill…</source>
        <translation>Auto-fill…</translation>
    </message>
    <message>
        <source>Propose volunteers for this week&apos;s open places, fairly; you review and apply</source>
        <translation>Propose volunteers for this week&apos;s open places, fairly; you review and apply</translation>
    </message>
    <message>
        <source>Colours: green = full, amber = places open, red = nobody yet; a name in red is on leave or has left. ✓ = confirmed. Drag a volunteer onto any shift; drag a name from the selected shift&apos;s list onto another shift to move them.</source>
        <translation>Colours: green = full, amber = places open, red = nobody yet; a name in red is on leave or has left. ✓ = confirmed. Drag a volunteer onto any shift; drag a name from the selected shift&apos;s list onto another shift to move them.</translation>
    </message>
    <message>
        <source>Selected shift</source>
        <translation>Selected shift</translation>
    </message>
    <message>
        <source>On this shift</source>
        <translation>On this shift</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Mark confirmed</source>
        <translation>Mark confirmed</translation>
    </message>
    <message>
        <source>Confirm all</source>
        <translation>Confirm all</translation>
    </message>
    <message>
        <source>Check-in…</source>
        <translation>Check-in…</translation>
    </message>
    <message>
        <source>Record who arrived and left, or did not come</source>
        <translation>Record who arrived and left, or did not come</translation>
    </message>
    <message>
        <source>Free volunteers</source>
        <translation>Free volunteers</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Why not</translation>
    </message>
    <message>
        <source>Assign to shift</source>
        <translation>Assign to shift</translation>
    </message>
    <message>
        <source>Availability…</source>
        <translation>Availability…</translation>
    </message>
    <message>
        <source>Weekly times, limits and leave of the selected volunteer</source>
        <translation>Weekly times, limits and leave of the selected volunteer</translation>
    </message>
    <message>
        <source>%1 week %2 (%3) · %4 – %5</source>
        <translation>%1 week %2 (%3) · %4 – %5</translation>
    </message>
    <message>
        <source>No official holiday schedule for %1 yet: days off are weekends plus the holidays entered by hand. Statutory holidays and make-up working days may be missing.</source>
        <translation>No official holiday schedule for %1 yet: days off are weekends plus the holidays entered by hand. Statutory holidays and make-up working days may be missing.</translation>
    </message>
    <message>
        <source>Moved: %1</source>
        <translation>Moved: %1</translation>
    </message>
    <message>
        <source>%1 was not moved: %2</source>
        <translation>%1 was not moved: %2</translation>
    </message>
    <message>
        <source>%1 shifts · %2 of %3 places filled · %4 shifts with gaps</source>
        <translation>%1 shifts · %2 of %3 places filled · %4 shifts with gaps</translation>
    </message>
    <message>
        <source>Click a shift in the week to see who is on it and who could take it.</source>
        <translation>Click a shift in the week to see who is on it and who could take it.</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>%1 of %2 places filled</source>
        <translation>%1 of %2 places filled</translation>
    </message>
    <message>
        <source>Assigned despite conflicts: %1</source>
        <translation>Assigned despite conflicts: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>%1 can take it; the others are listed with the reason. Double-click or drag onto a shift.</source>
        <translation>%1 can take it; the others are listed with the reason. Double-click or drag onto a shift.</translation>
    </message>
    <message>
        <source>%1 assigned, but: %2</source>
        <translation>%1 assigned, but: %2</translation>
    </message>
    <message>
        <source>%1 assigned despite: %2</source>
        <translation>%1 assigned despite: %2</translation>
    </message>
    <message>
        <source>%1 assigned.</source>
        <translation>%1 assigned.</translation>
    </message>
    <message>
        <source>%1 removed from the shift.</source>
        <translation>%1 removed from the shift.</translation>
    </message>
    <message>
        <source>%1 confirmed.</source>
        <translation>%1 confirmed.</translation>
    </message>
    <message numerus="yes">
        <source>%n volunteer(s) confirmed.</source>
        <translation>
            <numerusform>%n volunteer confirmed.</numerusform>
            <numerusform>%n volunteers confirmed.</numerusform>
        </translation>
    </message>
    <message>
        <source>One-off duty added.</source>
        <translation>One-off duty added.</translation>
    </message>
    <message numerus="yes">
        <source>%n shift(s) created from the templates.</source>
        <translation>
            <numerusform>%n shift created from the templates.</numerusform>
            <numerusform>%n shifts created from the templates.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing new: every template&apos;s shifts are already there.</source>
        <translation>Nothing new: every template&apos;s shifts are already there.</translation>
    </message>
    <message>
        <source>Copied from the previous week: %1 volunteer(s) on shifts, %2 shift(s) created.</source>
        <translation>Copied from the previous week: %1 volunteer(s) on shifts, %2 shift(s) created.</translation>
    </message>
    <message>
        <source>Not copied: %1</source>
        <translation>Not copied: %1</translation>
    </message>
</context>
<context>
    <name>PrintScope</name>
    <message>
        <source>Grids</source>
        <translation>Grids</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>All grids</translation>
    </message>
    <message>
        <source> per grid</source>
        <translation> per grid</translation>
    </message>
    <message>
        <source>Print the backs too (double-sided)</source>
        <translation>Print the backs too (double-sided)</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <source>All active volunteers</source>
        <translation>All active volunteers</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Choose a team to pick single members; otherwise every active volunteer gets a card.</source>
        <translation>Choose a team to pick single members; otherwise every active volunteer gets a card.</translation>
    </message>
    <message>
        <source>Week and team</source>
        <translation>Week and team</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>By team</translation>
    </message>
    <message>
        <source>By grid</source>
        <translation>By grid</translation>
    </message>
    <message>
        <source>All teams, one after another</source>
        <translation>All teams, one after another</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Roster of</source>
        <translation>Roster of</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Day and shifts</source>
        <translation>Day and shifts</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>All teams</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>One sheet for each ticked shift:</source>
        <translation>One sheet for each ticked shift:</translation>
    </message>
    <message>
        <source>Month and team</source>
        <translation>Month and team</translation>
    </message>
    <message>
        <source>One statement per volunteer</source>
        <translation>One statement per volunteer</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Only hours verified by a captain are added into the totals.</source>
        <translation>Only hours verified by a captain are added into the totals.</translation>
    </message>
    <message>
        <source>%1–%2  %3  %4  (%5 on it)</source>
        <translation>%1–%2  %3  %4  (%5 on it)</translation>
    </message>
    <message>
        <source>No shifts on this day.</source>
        <translation>No shifts on this day.</translation>
    </message>
    <message>
        <source>captain</source>
        <translation>captain</translation>
    </message>
    <message>
        <source>deputy</source>
        <translation>deputy</translation>
    </message>
    <message>
        <source>%1 (%2 to %3)</source>
        <translation>%1 (%2 to %3)</translation>
    </message>
    <message>
        <source>Tick at least one grid, or choose all grids.</source>
        <translation>Tick at least one grid, or choose all grids.</translation>
    </message>
    <message>
        <source>Tick at least one member.</source>
        <translation>Tick at least one member.</translation>
    </message>
    <message>
        <source>There are no grids yet.</source>
        <translation>There are no grids yet.</translation>
    </message>
    <message>
        <source>There is no ticked shift on this day.</source>
        <translation>There is no ticked shift on this day.</translation>
    </message>
</context>
<context>
    <name>PrintView</name>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Grid contact cards</source>
        <translation>Grid contact cards</translation>
    </message>
    <message>
        <source>Volunteer member cards</source>
        <translation>Volunteer member cards</translation>
    </message>
    <message>
        <source>Weekly roster</source>
        <translation>Weekly roster</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>Sign-in sheet</translation>
    </message>
    <message>
        <source>Service hours statement</source>
        <translation>Service hours statement</translation>
    </message>
    <message>
        <source>Paper and privacy</source>
        <translation>Paper and privacy</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Mask phone numbers (138****1234)</source>
        <translation>Mask phone numbers (138****1234)</translation>
    </message>
    <message>
        <source>System font</source>
        <translation>System font</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>Font file</source>
        <translation>Font file</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Printout</source>
        <translation>Printout</translation>
    </message>
    <message>
        <source>Choose a Chinese TrueType font</source>
        <translation>Choose a Chinese TrueType font</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc);;All files (*)</source>
        <translation>TrueType fonts (*.ttf *.ttc);;All files (*)</translation>
    </message>
    <message>
        <source>Loading data…</source>
        <translation>Loading data…</translation>
    </message>
    <message>
        <source>Generating the PDF…</source>
        <translation>Generating the PDF…</translation>
    </message>
    <message>
        <source>%1 pages ready.</source>
        <translation>%1 pages ready.</translation>
    </message>
    <message>
        <source>Text in Tibetan script was printed without a Tibetan font: install fonts-tibetan-machine.</source>
        <translation>Text in Tibetan script was printed without a Tibetan font: install fonts-tibetan-machine.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>The font file %1 does not exist. Choose another font file, or press Default to use the system&apos;s Chinese font.</source>
        <translation>The font file %1 does not exist. Choose another font file, or press Default to use the system&apos;s Chinese font.</translation>
    </message>
    <message>
        <source>The font file %1 cannot be used for printing. Choose a TrueType Chinese font (.ttf or .ttc), such as wqy-zenhei.ttc, msyh.ttc or simsun.ttc.</source>
        <translation>The font file %1 cannot be used for printing. Choose a TrueType Chinese font (.ttf or .ttc), such as wqy-zenhei.ttc, msyh.ttc or simsun.ttc.</translation>
    </message>
    <message>
        <source>No Chinese TrueType font was found for printing. Install the fonts-wqy-zenhei package (Linux) or choose a font file such as msyh.ttc or simsun.ttc with Choose… below.</source>
        <translation>No Chinese TrueType font was found for printing. Install the fonts-wqy-zenhei package (Linux) or choose a font file such as msyh.ttc or simsun.ttc with Choose… below.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>The printer could not be started.</translation>
    </message>
    <message>
        <source>%1 pages sent to the printer.</source>
        <translation>%1 pages sent to the printer.</translation>
    </message>
</context>
<context>
    <name>ReleasedDutiesDialog</name>
    <message>
        <source>Duties in this time</source>
        <translation>Duties in this time</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Release them to open the places again (you can undo it), or keep them: the planner then shows each in red.</source>
        <translation>Release them to open the places again (you can undo it), or keep them: the planner then shows each in red.</translation>
    </message>
    <message>
        <source>Release these duties</source>
        <translation>Release these duties</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Fill the places…</source>
        <translation>Fill the places…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Saved. The duties are kept; the planner shows them in red.</source>
        <translation>Saved. The duties are kept; the planner shows them in red.</translation>
    </message>
    <message numerus="yes">
        <source>Saved, and %n duty(ies) released: their places are open again.</source>
        <translation>
            <numerusform>Saved, and %n duty released: its place is open again.</numerusform>
            <numerusform>Saved, and %n duties released: their places are open again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Nothing was saved: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n duty(ies) given back. The leave or departure stays recorded.</source>
        <translation>
            <numerusform>%n duty given back. The leave or departure stays recorded.</numerusform>
            <numerusform>%n duties given back. The leave or departure stays recorded.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not given back: %1</source>
        <translation>Not given back: %1</translation>
    </message>
    <message>
        <source>%1 is unavailable from %2 to %3 but holds these duties:</source>
        <translation>%1 is unavailable from %2 to %3 but holds these duties:</translation>
    </message>
    <message>
        <source>The leave of %1 from %2 to %3 covers these duties they hold:</source>
        <translation>The leave of %1 from %2 to %3 covers these duties they hold:</translation>
    </message>
    <message>
        <source>%1 will be marked as left after %2, but still hold these duties:</source>
        <translation>%1 will be marked as left after %2, but still hold these duties:</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>New resident request</source>
        <translation>New resident request</translation>
    </message>
    <message>
        <source>Edit request %1</source>
        <translation>Edit request %1</translation>
    </message>
    <message>
        <source>e.g. 香雪佳园 3栋2单元</source>
        <translation>e.g. 香雪佳园 3栋2单元</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>(not known)</translation>
    </message>
    <message>
        <source>What the resident asks for, where, since when</source>
        <translation>What the resident asks for, where, since when</translation>
    </message>
    <message>
        <source>Resident *</source>
        <translation>Resident *</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Building or compound</source>
        <translation>Building or compound</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>Request *</source>
        <translation>Request *</translation>
    </message>
    <message>
        <source>request %1</source>
        <translation>request %1</translation>
    </message>
    <message>
        <source>the new request</source>
        <translation>the new request</translation>
    </message>
    <message>
        <source>Request %1, received %2 (%3), has the same phone, category and request text.
Take this one in as well?</source>
        <translation>Request %1, received %2 (%3), has the same phone, category and request text.
Take this one in as well?</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Possible duplicate</translation>
    </message>
</context>
<context>
    <name>Requests</name>
    <message>
        <source>Repair</source>
        <translation>Repair</translation>
    </message>
    <message>
        <source>Safety hazard</source>
        <translation>Safety hazard</translation>
    </message>
    <message>
        <source>Dispute</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <source>Elderly or child care</source>
        <translation>Elderly or child care</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Building chat group</source>
        <translation>Building chat group</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>Registration point</source>
        <translation>Registration point</translation>
    </message>
    <message>
        <source>Low (7 days)</source>
        <translation>Low (7 days)</translation>
    </message>
    <message>
        <source>Normal (3 days)</source>
        <translation>Normal (3 days)</translation>
    </message>
    <message>
        <source>Urgent (24 hours)</source>
        <translation>Urgent (24 hours)</translation>
    </message>
    <message>
        <source>Emergency (2 hours)</source>
        <translation>Emergency (2 hours)</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>Followed up</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Dispatch…</source>
        <translation>Dispatch…</translation>
    </message>
    <message>
        <source>Work started</source>
        <translation>Work started</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>Done…</translation>
    </message>
    <message>
        <source>Follow-up…</source>
        <translation>Follow-up…</translation>
    </message>
    <message>
        <source>Cancel request…</source>
        <translation>Cancel request…</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Resident&apos;s phone</source>
        <translation>Resident&apos;s phone</translation>
    </message>
    <message>
        <source>Building or compound</source>
        <translation>Building or compound</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>Verified by</translation>
    </message>
    <message>
        <source>is not a known category</source>
        <translation>is not a known category</translation>
    </message>
    <message>
        <source>is not a known source</source>
        <translation>is not a known source</translation>
    </message>
    <message>
        <source>is not a known urgency</source>
        <translation>is not a known urgency</translation>
    </message>
    <message>
        <source>is not a known status</source>
        <translation>is not a known status</translation>
    </message>
    <message>
        <source>must be from 1 to 5</source>
        <translation>must be from 1 to 5</translation>
    </message>
    <message>
        <source>does not apply to this step</source>
        <translation>does not apply to this step</translation>
    </message>
    <message>
        <source>must be chosen to record hours (dispatch to a volunteer first)</source>
        <translation>must be chosen to record hours (dispatch to a volunteer first)</translation>
    </message>
    <message>
        <source>names no volunteer</source>
        <translation>names no volunteer</translation>
    </message>
    <message>
        <source>names several volunteers</source>
        <translation>names several volunteers</translation>
    </message>
    <message>
        <source>has left and cannot be sent</source>
        <translation>has left and cannot be sent</translation>
    </message>
    <message>
        <source>lies in the future</source>
        <translation>lies in the future</translation>
    </message>
    <message>
        <source>is before the previous step</source>
        <translation>is before the previous step</translation>
    </message>
    <message>
        <source>is after the request was dispatched or taken up</source>
        <translation>is after the request was dispatched or taken up</translation>
    </message>
    <message>
        <source>must be a positive number of hours</source>
        <translation>must be a positive number of hours</translation>
    </message>
    <message>
        <source>is more than 24 hours</source>
        <translation>is more than 24 hours</translation>
    </message>
    <message>
        <source>is too far from the shift&apos;s planned times</source>
        <translation>is too far from the shift&apos;s planned times</translation>
    </message>
    <message>
        <source>is not after the arrival</source>
        <translation>is not after the arrival</translation>
    </message>
    <message>
        <source>is not a month</source>
        <translation>is not a month</translation>
    </message>
    <message>
        <source>The request was not found.</source>
        <translation>The request was not found.</translation>
    </message>
    <message>
        <source>The request is settled (“%1”); only open requests can be edited.</source>
        <translation>The request is settled (“%1”); only open requests can be edited.</translation>
    </message>
    <message>
        <source>The request is “%1” and cannot become “%2”. Someone may have changed it meanwhile; the list has been reloaded.</source>
        <translation>The request is “%1” and cannot become “%2”. Someone may have changed it meanwhile; the list has been reloaded.</translation>
    </message>
    <message>
        <source>The shift was not found; it may have been deleted meanwhile.</source>
        <translation>The shift was not found; it may have been deleted meanwhile.</translation>
    </message>
    <message>
        <source>A volunteer is no longer on this shift; reload and try again.</source>
        <translation>A volunteer is no longer on this shift; reload and try again.</translation>
    </message>
    <message>
        <source>A volunteer&apos;s duty on this shift was cancelled meanwhile; reload and try again.</source>
        <translation>A volunteer&apos;s duty on this shift was cancelled meanwhile; reload and try again.</translation>
    </message>
    <message>
        <source>A volunteer&apos;s duty is already completed; record the times of departure instead.</source>
        <translation>A volunteer&apos;s duty is already completed; record the times of departure instead.</translation>
    </message>
    <message>
        <source>The hours entry was not found.</source>
        <translation>The hours entry was not found.</translation>
    </message>
    <message>
        <source>The hours entry was already corrected; correct the newest entry.</source>
        <translation>The hours entry was already corrected; correct the newest entry.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Captain</source>
        <translation>Captain</translation>
    </message>
    <message>
        <source>Deputy captain</source>
        <translation>Deputy captain</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Your role may not do this.</source>
        <translation>Your role may not do this.</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Grids</source>
        <translation>Grids</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operators</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Connect to a server</source>
        <translation>Connect to a server</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.10 or server-pc</source>
        <translation>e.g. 192.168.1.10 or server-pc</translation>
    </message>
    <message>
        <source>one database per community, e.g. volunteer_hx</source>
        <translation>one database per community, e.g. volunteer_hx</translation>
    </message>
    <message>
        <source>Off (only inside the office network)</source>
        <translation>Off (only inside the office network)</translation>
    </message>
    <message>
        <source>Use when the server offers it</source>
        <translation>Use when the server offers it</translation>
    </message>
    <message>
        <source>Required (encrypted)</source>
        <translation>Required (encrypted)</translation>
    </message>
    <message>
        <source>Required, and check the server&apos;s certificate</source>
        <translation>Required, and check the server&apos;s certificate</translation>
    </message>
    <message>
        <source>Server (host)</source>
        <translation>Server (host)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Encryption (TLS)</source>
        <translation>Encryption (TLS)</translation>
    </message>
    <message>
        <source>The password is kept in this computer&apos;s credential store, never in the settings file.</source>
        <translation>The password is kept in this computer&apos;s credential store, never in the settings file.</translation>
    </message>
    <message>
        <source>This computer has no credential store: the password is not kept. Put it in the PostgreSQL password file (on Windows %APPDATA%\postgresql\pgpass.conf) so the next start connects.</source>
        <translation>This computer has no credential store: the password is not kept. Put it in the PostgreSQL password file (on Windows %APPDATA%\postgresql\pgpass.conf) so the next start connects.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or address (no spaces, “/” or “@”).</source>
        <translation>Enter the server&apos;s name or address (no spaces, “/” or “@”).</translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535 (PostgreSQL uses 5432).</source>
        <translation>The port is a number from 1 to 65535 (PostgreSQL uses 5432).</translation>
    </message>
    <message>
        <source>Enter the name of the community&apos;s database.</source>
        <translation>Enter the name of the community&apos;s database.</translation>
    </message>
    <message>
        <source>Enter the database user.</source>
        <translation>Enter the database user.</translation>
    </message>
    <message>
        <source>Choose an encryption mode.</source>
        <translation>Choose an encryption mode.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>The community&apos;s data is there and up to date.</source>
        <translation>The community&apos;s data is there and up to date.</translation>
    </message>
    <message>
        <source>The database is empty: connecting creates the tables.</source>
        <translation>The database is empty: connecting creates the tables.</translation>
    </message>
    <message>
        <source>The data was made by an older version: connecting upgrades it (back it up first).</source>
        <translation>The data was made by an older version: connecting upgrades it (back it up first).</translation>
    </message>
    <message>
        <source>The data was written by a newer version of this application: update the application on this PC first.</source>
        <translation>The data was written by a newer version of this application: update the application on this PC first.</translation>
    </message>
    <message>
        <source>The database holds tables of another program: this application will not use it.</source>
        <translation>The database holds tables of another program: this application will not use it.</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1.</source>
        <translation>Connected: PostgreSQL %1.</translation>
    </message>
    <message>
        <source>The server refused the user or password (or does not accept this computer; see pg_hba.conf).</source>
        <translation>The server refused the user or password (or does not accept this computer; see pg_hba.conf).</translation>
    </message>
    <message>
        <source>The server cannot be reached: check the address and port, that PostgreSQL runs, and that the firewall lets port 5432 through.</source>
        <translation>The server cannot be reached: check the address and port, that PostgreSQL runs, and that the firewall lets port 5432 through.</translation>
    </message>
    <message>
        <source>The server has no database of that name.</source>
        <translation>The server has no database of that name.</translation>
    </message>
    <message>
        <source>The encrypted connection failed: the server does not offer the chosen encryption, or its certificate does not check out.</source>
        <translation>The encrypted connection failed: the server does not offer the chosen encryption, or its certificate does not check out.</translation>
    </message>
    <message>
        <source>The connection failed. Check the details and try again.</source>
        <translation>The connection failed. Check the details and try again.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>e.g. 周一至周五 9:00-12:30, 15:30-18:00</source>
        <translation>e.g. 周一至周五 9:00-12:30, 15:30-18:00</translation>
    </message>
    <message>
        <source>Community name *</source>
        <translation>Community name *</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Service hall phone</source>
        <translation>Service hall phone</translation>
    </message>
    <message>
        <source>Service hall hours</source>
        <translation>Service hall hours</translation>
    </message>
    <message>
        <source>Save community details</source>
        <translation>Save community details</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>Name of the clerk at this computer</source>
        <translation>Name of the clerk at this computer</translation>
    </message>
    <message>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <source>A3 (297 × 420 mm)</source>
        <translation>A3 (297 × 420 mm)</translation>
    </message>
    <message>
        <source>US Letter (8.5 × 11 in)</source>
        <translation>US Letter (8.5 × 11 in)</translation>
    </message>
    <message>
        <source>Operator name</source>
        <translation>Operator name</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Default paper size</source>
        <translation>Default paper size</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Open another database…</source>
        <translation>Open another database…</translation>
    </message>
    <message>
        <source>Create a new database…</source>
        <translation>Create a new database…</translation>
    </message>
    <message>
        <source>Connect to a server…</source>
        <translation>Connect to a server…</translation>
    </message>
    <message>
        <source>Back up…</source>
        <translation>Back up…</translation>
    </message>
    <message>
        <source>The registers, plans and requests are kept in this file. Back it up regularly, e.g. to a USB stick.</source>
        <translation>The registers, plans and requests are kept in this file. Back it up regularly, e.g. to a USB stick.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Not saved: please correct the fields marked.</source>
        <translation>Not saved: please correct the fields marked.</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>New team</source>
        <translation>New team</translation>
    </message>
    <message>
        <source>Edit team</source>
        <translation>Edit team</translation>
    </message>
    <message>
        <source>(none: a top-level team)</source>
        <translation>(none: a top-level team)</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Parent team</source>
        <translation>Parent team</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>team “%1”</source>
        <translation>team “%1”</translation>
    </message>
    <message>
        <source>the new team</source>
        <translation>the new team</translation>
    </message>
    <message>
        <source>Team colour</source>
        <translation>Team colour</translation>
    </message>
</context>
<context>
    <name>TeamKinds</name>
    <message>
        <source>Patrol</source>
        <translation>Patrol</translation>
    </message>
    <message>
        <source>Civility persuasion</source>
        <translation>Civility persuasion</translation>
    </message>
    <message>
        <source>Publicity</source>
        <translation>Publicity</translation>
    </message>
    <message>
        <source>Environment cleanup</source>
        <translation>Environment cleanup</translation>
    </message>
    <message>
        <source>Riders and couriers</source>
        <translation>Riders and couriers</translation>
    </message>
    <message>
        <source>Other / umbrella</source>
        <translation>Other / umbrella</translation>
    </message>
</context>
<context>
    <name>TeamLeadsDialog</name>
    <message>
        <source>Reminder lead times per team</source>
        <translation>Reminder lead times per team</translation>
    </message>
    <message>
        <source>Leave a team empty to use the default (%1). Write lead times like 24h, 2h or 90m.</source>
        <translation>Leave a team empty to use the default (%1). Write lead times like 24h, 2h or 90m.</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Lead times</source>
        <translation>Lead times</translation>
    </message>
    <message>
        <source>the reminder lead times per team</source>
        <translation>the reminder lead times per team</translation>
    </message>
    <message>
        <source>%1: “%2” is not a list of lead times like 24h, 2h</source>
        <translation>%1: “%2” is not a list of lead times like 24h, 2h</translation>
    </message>
</context>
<context>
    <name>TeamsView</name>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Captain</source>
        <translation>Captain</translation>
    </message>
    <message>
        <source>New team…</source>
        <translation>New team…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Member since</source>
        <translation>Member since</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Add members…</source>
        <translation>Add members…</translation>
    </message>
    <message>
        <source>Make captain</source>
        <translation>Make captain</translation>
    </message>
    <message>
        <source>Make deputy</source>
        <translation>Make deputy</translation>
    </message>
    <message>
        <source>Make plain member</source>
        <translation>Make plain member</translation>
    </message>
    <message>
        <source>Remove from team…</source>
        <translation>Remove from team…</translation>
    </message>
    <message>
        <source>No team yet</source>
        <translation>No team yet</translation>
    </message>
    <message>
        <source>Create the umbrella team first, then its branch teams.</source>
        <translation>Create the umbrella team first, then its branch teams.</translation>
    </message>
    <message>
        <source>branch of %1</source>
        <translation>branch of %1</translation>
    </message>
    <message>
        <source>captain: %1 %2</source>
        <translation>captain: %1 %2</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Delete team</source>
        <translation>Delete team</translation>
    </message>
    <message>
        <source>Delete the team %1? Only a team without members and branch teams can be deleted.</source>
        <translation>Delete the team %1? Only a team without members and branch teams can be deleted.</translation>
    </message>
    <message>
        <source>Remove from team</source>
        <translation>Remove from team</translation>
    </message>
    <message>
        <source>Remove %1 from %2? They stay in the volunteer register.</source>
        <translation>Remove %1 from %2? They stay in the volunteer register.</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Recurring duty templates</source>
        <translation>Recurring duty templates</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Needed</source>
        <translation>Needed</translation>
    </message>
    <message>
        <source>Also on statutory holidays</source>
        <translation>Also on statutory holidays</translation>
    </message>
    <message>
        <source>Make-up working days count as weekdays</source>
        <translation>Make-up working days count as weekdays</translation>
    </message>
    <message>
        <source>Active (used when generating)</source>
        <translation>Active (used when generating)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Duty type</source>
        <translation>Duty type</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>People needed</source>
        <translation>People needed</translation>
    </message>
    <message>
        <source>(no team)</source>
        <translation>(no team)</translation>
    </message>
    <message>
        <source>(no grid)</source>
        <translation>(no grid)</translation>
    </message>
    <message>
        <source>Also limited to: %1</source>
        <translation>Also limited to: %1</translation>
    </message>
    <message>
        <source>duty template “%1”</source>
        <translation>duty template “%1”</translation>
    </message>
    <message>
        <source>the new duty template</source>
        <translation>the new duty template</translation>
    </message>
    <message>
        <source>Tick at least one day.</source>
        <translation>Tick at least one day.</translation>
    </message>
    <message>
        <source>Saved. “Generate from templates” creates the shifts.</source>
        <translation>Saved. “Generate from templates” creates the shifts.</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Reminders for today and tomorrow</source>
        <translation>Reminders for today and tomorrow</translation>
    </message>
    <message>
        <source>Remind at</source>
        <translation>Remind at</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>Text for the building chat group</source>
        <translation>Text for the building chat group</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>Copy as text</translation>
    </message>
    <message>
        <source>%1, updated %2</source>
        <translation>%1, updated %2</translation>
    </message>
    <message>
        <source>Today&apos;s duties could not be loaded: %1</source>
        <translation>Today&apos;s duties could not be loaded: %1</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <source>dddd, MMMM d</source>
        <translation>dddd, MMMM d</translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message numerus="yes">
        <source>%n duty(s)</source>
        <translation>
            <numerusform>%n duty</numerusform>
            <numerusform>%n duties</numerusform>
        </translation>
    </message>
    <message>
        <source>Reminded</source>
        <translation>Reminded</translation>
    </message>
    <message>
        <source>Due later</source>
        <translation>Due later</translation>
    </message>
    <message>
        <source>%1 reminded, %2 still to come.</source>
        <translation>%1 reminded, %2 still to come.</translation>
    </message>
    <message>
        <source>%1 (next day)</source>
        <translation>%1 (next day)</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) open</source>
        <translation>
            <numerusform>%n place open</numerusform>
            <numerusform>%n places open</numerusform>
        </translation>
    </message>
    <message>
        <source>every place filled</source>
        <translation>every place filled</translation>
    </message>
    <message>
        <source>Today: %1, %2 on duty, %3.</source>
        <translation>Today: %1, %2 on duty, %3.</translation>
    </message>
    <message>
        <source>Tomorrow: %1, %2 on duty, %3.</source>
        <translation>Tomorrow: %1, %2 on duty, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) before the duty</source>
        <translation>
            <numerusform>%n minute before the duty</numerusform>
            <numerusform>%n minutes before the duty</numerusform>
        </translation>
    </message>
    <message>
        <source>Duty reminders are switched off in Settings.</source>
        <translation>Duty reminders are switched off in Settings.</translation>
    </message>
    <message>
        <source>No reminders are due today or tomorrow.</source>
        <translation>No reminders are due today or tomorrow.</translation>
    </message>
    <message>
        <source>Background jobs are not running in this window: reminders are made when the app runs them.</source>
        <translation>Background jobs are not running in this window: reminders are made when the app runs them.</translation>
    </message>
    <message>
        <source>Duty reminders are switched off.</source>
        <translation>Duty reminders are switched off.</translation>
    </message>
    <message>
        <source>Reminders are on; next check at %1.</source>
        <translation>Reminders are on; next check at %1.</translation>
    </message>
    <message>
        <source>Reminders are on.</source>
        <translation>Reminders are on.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected duty(s).</source>
        <translation>
            <numerusform>%n selected duty.</numerusform>
            <numerusform>%n selected duties.</numerusform>
        </translation>
    </message>
    <message>
        <source>All of tomorrow&apos;s duties; select rows to copy only those.</source>
        <translation>All of tomorrow&apos;s duties; select rows to copy only those.</translation>
    </message>
    <message>
        <source>Today&apos;s remaining duties; select rows to copy only those.</source>
        <translation>Today&apos;s remaining duties; select rows to copy only those.</translation>
    </message>
    <message>
        <source>No duties left today or tomorrow.</source>
        <translation>No duties left today or tomorrow.</translation>
    </message>
    <message>
        <source>Copied. Paste it into the building chat group.</source>
        <translation>Copied. Paste it into the building chat group.</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>Request %1: %2</source>
        <translation>Request %1: %2</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>measure from “work started”</source>
        <translation>measure from “work started”</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Hours of %1</source>
        <translation>Hours of %1</translation>
    </message>
    <message>
        <source>very unsatisfied</source>
        <translation>very unsatisfied</translation>
    </message>
    <message>
        <source>unsatisfied</source>
        <translation>unsatisfied</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>satisfied</translation>
    </message>
    <message>
        <source>very satisfied</source>
        <translation>very satisfied</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Remark</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>the step “%1” of request %2</source>
        <translation>the step “%1” of request %2</translation>
    </message>
</context>
<context>
    <name>VerifyMonthDialog</name>
    <message>
        <source>Verify a month</source>
        <translation>Verify a month</translation>
    </message>
    <message>
        <source>The captain or coordinator confirms the month&apos;s hours: every entry still awaiting verification is marked verified and then counts in reports.</source>
        <translation>The captain or coordinator confirms the month&apos;s hours: every entry still awaiting verification is marked verified and then counts in reports.</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>All teams</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Verified by *</source>
        <translation>Verified by *</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <source>Your role may not verify hours.</source>
        <translation>Your role may not verify hours.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries await verification.</source>
        <translation>
            <numerusform>%n entry awaits verification.</numerusform>
            <numerusform>%n entries await verification.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing awaits verification in this month.</source>
        <translation>Nothing awaits verification in this month.</translation>
    </message>
</context>
<context>
    <name>VolunteerDetailPanel</name>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>ID card number</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>Political status</translation>
    </message>
    <message>
        <source>Party household</source>
        <translation>Party household</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>Joined on</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Select a volunteer to see the details.</source>
        <translation>Select a volunteer to see the details.</translation>
    </message>
    <message numerus="yes">
        <source>%n volunteers selected.</source>
        <translation>
            <numerusform>%n volunteer selected.</numerusform>
            <numerusform>%n volunteers selected.</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Left on %1</source>
        <translation>Left on %1</translation>
    </message>
</context>
<context>
    <name>VolunteerDialog</name>
    <message>
        <source>Add volunteer</source>
        <translation>Add volunteer</translation>
    </message>
    <message>
        <source>Edit volunteer</source>
        <translation>Edit volunteer</translation>
    </message>
    <message>
        <source>e.g. 张三 or 格桑·伦珠</source>
        <translation>e.g. 张三 or 格桑·伦珠</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>11 digits, e.g. 13800138000</source>
        <translation>11 digits, e.g. 13800138000</translation>
    </message>
    <message>
        <source>18 characters (optional)</source>
        <translation>18 characters (optional)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Show the full ID number (recorded in the audit log)</source>
        <translation>Show the full ID number (recorded in the audit log)</translation>
    </message>
    <message>
        <source>Party-member central household (党员中心户)</source>
        <translation>Party-member central household (党员中心户)</translation>
    </message>
    <message>
        <source>e.g. delivery rider at 美团外卖</source>
        <translation>e.g. delivery rider at 美团外卖</translation>
    </message>
    <message>
        <source>e.g. first aid, Tibetan-Chinese interpreting</source>
        <translation>e.g. first aid, Tibetan-Chinese interpreting</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Mobile phone *</source>
        <translation>Mobile phone *</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation>ID card number</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>Joined on</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>Political status</translation>
    </message>
    <message>
        <source>Occupation / employer</source>
        <translation>Occupation / employer</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Teams (tick the teams the volunteer serves in)</source>
        <translation>Teams (tick the teams the volunteer serves in)</translation>
    </message>
    <message>
        <source>Availability and leave…</source>
        <translation>Availability and leave…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>(no grid)</source>
        <translation>(no grid)</translation>
    </message>
    <message>
        <source>This volunteer left on %1.</source>
        <translation>This volunteer left on %1.</translation>
    </message>
    <message>
        <source>Fields marked * are required.</source>
        <translation>Fields marked * are required.</translation>
    </message>
    <message>
        <source>volunteer “%1”</source>
        <translation>volunteer “%1”</translation>
    </message>
    <message>
        <source>the new volunteer “%1”</source>
        <translation>the new volunteer “%1”</translation>
    </message>
    <message>
        <source>the new volunteer</source>
        <translation>the new volunteer</translation>
    </message>
    <message>
        <source>This computer does not have the key of this database, so the full ID number cannot be shown (the last four characters can). An administrator exports the key on a computer that has it and imports it here.</source>
        <translation>This computer does not have the key of this database, so the full ID number cannot be shown (the last four characters can). An administrator exports the key on a computer that has it and imports it here.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>VolunteersModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Political status</source>
        <translation>Political status</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>Joined on</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Party-member central household</source>
        <translation>Party-member central household</translation>
    </message>
    <message>
        <source> (already a member)</source>
        <translation> (already a member)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Left</translation>
    </message>
</context>
<context>
    <name>VolunteersView</name>
    <message>
        <source>Volunteers</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <source>Search name, pinyin, initials (zs = 张三) or phone digits</source>
        <translation>Search name, pinyin, initials (zs = 张三) or phone digits</translation>
    </message>
    <message>
        <source>Active volunteers</source>
        <translation>Active volunteers</translation>
    </message>
    <message>
        <source>Volunteers who left</source>
        <translation>Volunteers who left</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Add volunteer</source>
        <translation>Add volunteer</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Mark as left…</source>
        <translation>Mark as left…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Availability and leave…</source>
        <translation>Availability and leave…</translation>
    </message>
    <message>
        <source>Weekly availability, leave and duty limits of the selected volunteer</source>
        <translation>Weekly availability, leave and duty limits of the selected volunteer</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>All teams</translation>
    </message>
    <message>
        <source>All grids</source>
        <translation>All grids</translation>
    </message>
    <message numerus="yes">
        <source>%n volunteer(s) shown</source>
        <translation>
            <numerusform>%n volunteer shown</numerusform>
            <numerusform>%n volunteers shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete volunteer</source>
        <translation>Delete volunteer</translation>
    </message>
    <message>
        <source>%1 has a service history (duties, hours or requests) and cannot be deleted. Use “Mark as left” instead.</source>
        <translation>%1 has a service history (duties, hours or requests) and cannot be deleted. Use “Mark as left” instead.</translation>
    </message>
    <message>
        <source>Delete %1 (%2) from the register for good?

This cannot be undone. If the volunteer only stopped serving, use “Mark as left”.</source>
        <translation>Delete %1 (%2) from the register for good?

This cannot be undone. If the volunteer only stopped serving, use “Mark as left”.</translation>
    </message>
    <message>
        <source>Copy mobile numbers</source>
        <translation>Copy mobile numbers</translation>
    </message>
</context>
<context>
    <name>WeekModel</name>
    <message>
        <source>on leave</source>
        <translation>on leave</translation>
    </message>
    <message>
        <source>unavailable that day</source>
        <translation>unavailable that day</translation>
    </message>
    <message>
        <source>has left</source>
        <translation>has left</translation>
    </message>
    <message>
        <source>(no team / place)</source>
        <translation>(no team / place)</translation>
    </message>
    <message>
        <source>(no grid / place)</source>
        <translation>(no grid / place)</translation>
    </message>
    <message>
        <source>%1 of %2 places filled</source>
        <translation>%1 of %2 places filled</translation>
    </message>
    <message>
        <source>※ outside the times they offered</source>
        <translation>※ outside the times they offered</translation>
    </message>
    <message>
        <source>Release the duty or find someone else (the candidates list).</source>
        <translation>Release the duty or find someone else (the candidates list).</translation>
    </message>
    <message>
        <source>Duty</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Holiday</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>Make-up working day</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Statutory holiday: %1</source>
        <translation>Statutory holiday: %1</translation>
    </message>
    <message>
        <source>Make-up working day: counts as a weekday</source>
        <translation>Make-up working day: counts as a weekday</translation>
    </message>
</context>
</TS>
