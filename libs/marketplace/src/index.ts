export { MarketplaceErrorCode, MarketplaceException } from './marketplace.exception';
export { MarketplaceModule } from './marketplace.module';
export { ProjectCategory } from './project/project-category.enum';
export { Project } from './project/project.entity';
export {
  allowedNextStates,
  canTransition,
  PROJECT_TRANSITIONS,
  ProjectState,
} from './project/project-state';
