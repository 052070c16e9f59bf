import { CITY_CATALOGUE } from '../city-catalogue';
import { CityRef, SeedContext, stamps } from '../seed-context';

/** Cities, their districts and cultural resources, catalogued at the start of the history. */
export function generatePlaces(context: SeedContext): CityRef[] {
  const random = context.random.fork('places');
  const at = context.origin;
  return CITY_CATALOGUE.map((entry) => {
    const cityId = random.uuid();
    context.add('city', {
      ...stamps(cityId, at),
      code: entry.code,
      name: entry.name,
      local_name: entry.localName,
    });
    const districts = entry.districts.map(([name, localName]) => {
      const id = random.uuid();
      context.add('district', { ...stamps(id, at), city_id: cityId, name, local_name: localName });
      return { id, name };
    });
    const districtId = (name: string) => {
      const district = districts.find((d) => d.name === name);
      if (!district) throw new Error(`${entry.name} has no district ${name}`);
      return district.id;
    };
    const resources = entry.resources.map((resource) => {
      const id = random.uuid();
      context.add('cultural_resource', {
        ...stamps(id, at),
        city_id: cityId,
        district_id: districtId(resource.district),
        name: resource.name,
        local_name: resource.localName,
        kind: resource.kind,
        description: resource.description,
        latitude: resource.location?.[0] ?? null,
        longitude: resource.location?.[1] ?? null,
      });
      return {
        id,
        name: resource.name,
        kind: resource.kind,
        districtId: districtId(resource.district),
      };
    });
    return {
      id: cityId,
      code: entry.code,
      name: entry.name,
      weight: entry.weight,
      universities: entry.universities,
      districts,
      resources,
    };
  });
}
