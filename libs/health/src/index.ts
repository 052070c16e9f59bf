export { HealthModule } from './health.module';
export { HealthService, ReadinessReport } from './health.service';
