<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>BrokenPage</name>
        <message>
            <source>The screen “%1” could not be opened because of a programming error. Please report the text below.</source>
            <translation>The screen “%1” could not be opened because of a programming error. Please report the text below.</translation>
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
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
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
            <source>Grid leader's phone</source>
            <translation>Grid leader's phone</translation>
        </message>
        <message>
            <source>Grid worker</source>
            <translation>Grid worker</translation>
        </message>
        <message>
            <source>Grid worker's phone</source>
            <translation>Grid worker's phone</translation>
        </message>
        <message>
            <source>Grid police officer</source>
            <translation>Grid police officer</translation>
        </message>
        <message>
            <source>Grid police officer's phone</source>
            <translation>Grid police officer's phone</translation>
        </message>
        <message>
            <source>Street grid instructor</source>
            <translation>Street grid instructor</translation>
        </message>
        <message>
            <source>Street grid instructor's phone</source>
            <translation>Street grid instructor's phone</translation>
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
            <source>is too long</source>
            <translation>is too long</translation>
        </message>
        <message>
            <source>contains control characters or starts like a spreadsheet formula (= + - @)</source>
            <translation>contains control characters or starts like a spreadsheet formula (= + - @)</translation>
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
            <source>Back up database</source>
            <translation>Back up database</translation>
        </message>
        <message>
            <source>The open database is on a database server. Ask its administrator to back it up (for PostgreSQL: pg_dump).</source>
            <translation>The open database is on a database server. Ask its administrator to back it up (for PostgreSQL: pg_dump).</translation>
        </message>
        <message>
            <source>Choose a different file: a backup cannot overwrite the open database.</source>
            <translation>Choose a different file: a backup cannot overwrite the open database.</translation>
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
        <name>MainWindow</name>
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
        <message>
            <source>(none)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>About</source>
            <translation>About</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Volunteer Brigade Scheduler %1&lt;/h3&gt;&lt;p&gt;Registers of volunteers, teams and grids, shift planning, residents' requests and printouts for a community office.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Volunteer Brigade Scheduler %1&lt;/h3&gt;&lt;p&gt;Registers of volunteers, teams and grids, shift planning, residents' requests and printouts for a community office.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</translation>
        </message>
    </context>
    <context>
        <name>NotBuiltPage</name>
        <message>
            <source>This part of the application is not built yet.
Nothing on this page works so far; it will arrive with a later version.</source>
            <translation>This part of the application is not built yet.
Nothing on this page works so far; it will arrive with a later version.</translation>
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
            <source>Print</source>
            <translation>Print</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
    </context>
</TS>
