<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BrokenPage</name>
    <message>
        <source>The screen “%1” could not be opened because of a programming error. Please report the text below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseDialogs</name>
    <message>
        <source>Create a new database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can open another database file or create a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Political status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Party-member central household</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occupation / employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid leader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid leader&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid worker&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid police officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid police officer&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street grid instructor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street grid instructor&apos;s phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service hall phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service hall hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be filled in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a valid mobile number (11 digits starting with 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a valid phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must have 18 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 17 digits followed by a digit or X</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains an impossible date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has a wrong check digit (last character); please check the number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains control characters or starts like a spreadsheet formula (= + - @)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 男 or 女</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be 队长, 副队长 or 队员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not match the number of teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is given but no team is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names a team that does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>names a grid that does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is already registered to another volunteer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repeats an earlier row of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>appears twice in the header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column is missing from the header row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a known team kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is already the name of another team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is already used by another grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a positive whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a known time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be the team itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has a header row but no volunteers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported file type; use an Excel workbook (.xlsx) or a CSV file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a readable Excel workbook (.xlsx).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be read as UTF-8 or GBK text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not valid CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record was not found; it may have been deleted meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The volunteer was not found; they may have been deleted meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team was not found; it may have been deleted meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grid was not found; it may have been deleted meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The volunteer is no longer a member of that team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database already holds data; the demo community can only be loaded into an empty database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This volunteer has a service history and cannot be deleted. Mark them as left instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this record meanwhile. Reload it and make your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team still has members or branch teams.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a database file of this application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read as a database (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was written by a newer version of this application (revision %1). Please update the application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds tables that were not made by this application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repeats row %1 of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1, column “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: “%2” %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read or written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>volunteers-%1.xlsx</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 volunteers were written to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The open database is on a database server. Ask its administrator to back it up (for PostgreSQL: pg_dump).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a different file: a backup cannot overwrite the open database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database was backed up to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Database files (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import volunteers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export volunteers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent databases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteer Brigade Scheduler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteers: %1 active, %2 left  ·  Teams: %3  ·  Grids: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is empty. Load the demo community (林琼社区: 11 grids, 6 teams, about 150 volunteers) to try the application?

Choose No to start with empty registers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo community was loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Volunteer Brigade Scheduler %1&lt;/h3&gt;&lt;p&gt;Registers of volunteers, teams and grids, shift planning, residents&apos; requests and printouts for a community office.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotBuiltPage</name>
    <message>
        <source>This part of the application is not built yet.
Nothing on this page works so far; it will arrive with a later version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
