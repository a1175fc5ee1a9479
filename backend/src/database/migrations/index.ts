import { EventDealSnapshot1795462801003 } from './1795462801003-EventDealSnapshot.js';
import { InitialSchema1795461009642 } from './1795461009642-InitialSchema.js';
import { LeadIntake1795502155137 } from './1795502155137-LeadIntake.js';
import { ContactSearchAndCustomers1795600001000 } from './1795600001000-ContactSearchAndCustomers.js';
import { Imports1795600002000 } from './1795600002000-Imports.js';
import { DealPage1795600003000 } from './1795600003000-DealPage.js';
import { TeamRules1795600004000 } from './1795600004000-TeamRules.js';
import { Insights1795600005000 } from './1795600005000-Insights.js';

/** Every migration, oldest first (listed, not globbed, so jest and the CLI load the same code). */
export const MIGRATIONS = [InitialSchema1795461009642, EventDealSnapshot1795462801003, LeadIntake1795502155137, ContactSearchAndCustomers1795600001000, Imports1795600002000, DealPage1795600003000, TeamRules1795600004000, Insights1795600005000];
