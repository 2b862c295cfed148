export { SystemModule } from './lib/system.module';
export { WEEKLY_COHORTS_JOB } from '@tall/system/application';
